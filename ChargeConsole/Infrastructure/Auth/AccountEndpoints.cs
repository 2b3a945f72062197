using ChargeConsole.Data.Entities;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;

namespace ChargeConsole.Infrastructure.Auth;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // A form post with the antiforgery token; the layout's sign-out button submits it.
        // Without a valid token it is refused: another site's form must not be able to sign an operator out.
        app.MapPost("/account/logout", async (HttpContext context, IAntiforgery antiforgery, SignInManager<ConsoleUser> signIn) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context)) return Results.BadRequest("退出登录请求无效，请刷新页面后重试");
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/login");
        }).RequireAuthorization().DisableAntiforgery(); // checked above, with a clear answer
    }
}
