using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace ChargeConsole.Api;

/// <summary>
/// Every error the API gives is problem details with a Chinese message: bad JSON, a missing body, a wrong query
/// type, an oversized request, an unknown route, a missing token, and an unexpected failure (without its stack trace).
/// </summary>
public static class ApiErrors
{
    /// <summary>Largest request body the mini-program API accepts.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    public static string Message(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "请求格式不正确，请检查 JSON 内容和必填字段",
        StatusCodes.Status401Unauthorized => "请先登录，或登录已过期，请重新登录",
        StatusCodes.Status403Forbidden => "没有权限执行该操作",
        StatusCodes.Status404NotFound => "接口不存在，请检查请求地址",
        StatusCodes.Status405MethodNotAllowed => "该接口不支持此请求方法",
        StatusCodes.Status408RequestTimeout => "请求超时，请重试",
        StatusCodes.Status413PayloadTooLarge => $"请求内容过大，不能超过 {MaxBodyBytes / 1024} KB",
        StatusCodes.Status415UnsupportedMediaType => "请以 application/json 格式提交",
        StatusCodes.Status429TooManyRequests => "请求过于频繁，请稍后再试",
        >= 500 => "服务器繁忙，请稍后重试",
        _ => "请求未能完成",
    };

    /// <summary>Fills in a Chinese title and detail where the framework gave none (status-code pages, challenges).</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        if (!context.HttpContext.Request.Path.StartsWithSegments("/api")) return;
        var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
        var message = Message(status);
        if (string.IsNullOrEmpty(context.ProblemDetails.Detail) || !IsChinese(context.ProblemDetails.Detail)) context.ProblemDetails.Detail = message;
        if (string.IsNullOrEmpty(context.ProblemDetails.Title) || !IsChinese(context.ProblemDetails.Title)) context.ProblemDetails.Title = context.ProblemDetails.Detail;
        context.ProblemDetails.Extensions.Remove("exception");
    }

    private static bool IsChinese(string s) => s.Any(c => c >= '\u4e00' && c <= '\u9fff');

    /// <summary>The /api branch: a body limit, Chinese problem details for exceptions and for empty error responses.</summary>
    public static void UseApiErrors(this IApplicationBuilder api)
    {
        api.Use((context, next) =>
        {
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = MaxBodyBytes;
            return next(context);
        });
        api.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteExceptionAsync });
        api.UseStatusCodePages();
    }

    private static async Task WriteExceptionAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var status = error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = Message(status), Detail = Message(status) },
        });
    }
}
