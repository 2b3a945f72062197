namespace ChargeConsole.Infrastructure;

/// <summary>The outcome of an action a user asked for: success with an optional message, or an error to show in Chinese.</summary>
public sealed record OperationResult(bool Succeeded, string? Message, string? Error, IReadOnlyDictionary<string, string[]>? FieldErrors = null)
{
    public static OperationResult Ok(string? message = null) => new(true, message, null);
    public static OperationResult Fail(string error) => new(false, null, error);
    public static OperationResult Invalid(FluentValidation.Results.ValidationResult validation) =>
        new(false, null, string.Join("；", validation.Errors.Select(e => e.ErrorMessage).Distinct()),
            validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()));
}
