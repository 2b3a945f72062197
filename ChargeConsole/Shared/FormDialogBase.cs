using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Auth;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ChargeConsole.Shared;

/// <summary>
/// The shared behaviour of every edit dialog: validate the form, run the feature service's action, then either
/// show its error in the dialog or report success and close.
/// </summary>
public abstract class FormDialogBase : ComponentBase
{
    [CascadingParameter] protected IMudDialogInstance Dialog { get; set; } = default!;
    [Inject] protected ISnackbar Snackbar { get; set; } = default!;
    [Inject] protected CurrentScope Scope { get; set; } = default!;

    /// <summary>The dialog's MudForm, when it has one.</summary>
    protected MudForm? EditForm { get; set; }
    protected string? Error { get; set; }
    protected bool Busy { get; private set; }

    /// <summary>
    /// The form's FieldChanged: the operator is fixing what was refused, so the refusal goes. Not for a file picked in
    /// an upload field: its upload has just said (through the same Error) whether the file was taken.
    /// </summary>
    protected void FieldChanged(MudBlazor.Utilities.FormFieldChangedEventArgs e)
    {
        if (e.NewValue is Microsoft.AspNetCore.Components.Forms.IBrowserFile or IEnumerable<Microsoft.AspNetCore.Components.Forms.IBrowserFile>) return;
        Error = null;
    }

    protected async Task SubmitAsync(Func<AccessScope, Task<OperationResult>> action)
    {
        if (Busy) return;
        Error = null;
        if (EditForm is not null)
        {
            await EditForm.ValidateAsync();
            if (!EditForm.IsValid) return;
        }
        Busy = true;
        try
        {
            var result = await action(await Scope.GetAsync());
            if (!result.Succeeded)
            {
                Error = result.Error;
                return;
            }
            Snackbar.Show(result);
            Dialog.Close(DialogResult.Ok(true));
        }
        finally { Busy = false; }
    }
}
