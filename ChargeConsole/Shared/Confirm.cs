using ChargeConsole.Infrastructure;
using MudBlazor;

namespace ChargeConsole.Shared;

/// <summary>The confirmation every dangerous action asks for before it runs.</summary>
public static class Confirm
{
    public static async Task<bool> AskAsync(this IDialogService dialogs, string title, string message, string confirmText = "确定")
    {
        var answer = await dialogs.ShowMessageBoxAsync(title, message, yesText: confirmText, cancelText: "取消");
        return answer == true;
    }

    /// <summary>Shows the outcome of an action as a snackbar: green with its message, or red with the error.</summary>
    public static void Show(this ISnackbar snackbar, OperationResult result, string? success = null)
    {
        if (result.Succeeded) snackbar.Add(result.Message ?? success ?? "操作成功", Severity.Success);
        else snackbar.Add(result.Error!, Severity.Error);
    }
}
