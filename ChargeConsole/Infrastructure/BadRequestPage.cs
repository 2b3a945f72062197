namespace ChargeConsole.Infrastructure;

/// <summary>
/// A link with a parameter the console cannot read (a hand-edited export address, say) gets a Chinese 400 page in every
/// environment, not the error page's 500: minimal APIs throw BadHttpRequestException for it (RouteHandlerOptions).
/// </summary>
public static class BadRequestPage
{
    public static IApplicationBuilder UseBadRequestPage(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.StatusCode = e.StatusCode;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync($"""
                <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>请求有误</title></head>
                <body style="font-family:system-ui,'Noto Sans CJK SC',sans-serif;text-align:center;margin-top:20vh">
                <h1>请求有误</h1><p>{System.Net.WebUtility.HtmlEncode(Message(e))}</p><p><a href="/">返回首页</a></p></body></html>
                """);
        }
    });

    private static string Message(BadHttpRequestException e) => e.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => "提交的内容过大",
        _ => "链接中的筛选条件无法识别（例如日期或状态写错了），请回到列表页重新查询或导出",
    };
}
