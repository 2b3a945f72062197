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
}
