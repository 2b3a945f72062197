using FluentValidation;

namespace ChargeConsole.Infrastructure;

public static class FormValidation
{
    /// <summary>Adapts a FluentValidation validator to <c>MudForm.Validation</c>: validates one field at a time.</summary>
    public static Func<object, string, Task<IEnumerable<string>>> ForMudForm<T>(this IValidator<T> validator) => async (model, property) =>
    {
        var result = await validator.ValidateAsync(ValidationContext<T>.CreateWithOptions((T)model, o => o.IncludeProperties(property)));
        return result.IsValid ? [] : result.Errors.Select(e => e.ErrorMessage);
    };

    /// <summary>
    /// The same, plus a check only the dialog can make: what the service will allow as it stood when the dialog opened
    /// (what may be refunded or deducted). The service checks again when it acts.
    /// </summary>
    public static Func<object, string, Task<IEnumerable<string>>> ForMudForm<T>(this IValidator<T> validator, Func<T, string, string?> also)
    {
        var rules = validator.ForMudForm();
        return async (model, property) =>
        {
            var errors = (await rules(model, property)).ToList();
            if (errors.Count == 0 && also((T)model, property) is { } extra) errors.Add(extra);
            return errors;
        };
    }
}
