using System.Security.Claims;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;
using ChargeConsole.Features.Orders;
using ChargeConsole.Features.Stations;
using ChargeConsole.Features.Users;
using ChargeConsole.Features.Wallets;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChargeConsole.Api;

/// <summary>
/// The mini-program's JSON API, version 1, under /api/app/v1 (OpenAPI document at /openapi/app.json). Sign-in is
/// by phone and one-time SMS code and returns a bearer token; everything else needs that token. Errors are
/// problem details whose <c>detail</c> (or <c>errors</c>) is the Chinese message to show.
/// </summary>
public static partial class AppApi
{
    public const string Scheme = "AppBearer";
    public const string Policy = "AppUser";
    public const string Document = "app";

    public static IServiceCollection AddAppApi(this IServiceCollection services)
    {
        services.AddAuthentication().AddBearerToken(Scheme, o => o.BearerTokenExpiration = TimeSpan.FromDays(30));
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser().RequireClaim(AppUserClaim));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ApiErrors.Customize);
        // Bad input (malformed JSON, a wrong query type, a missing body) is thrown as BadHttpRequestException in every
        // environment, so ApiErrors answers it in Chinese instead of an empty 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddOpenApi(Document);
        services.AddOptions<SmsLimitOptions>().BindConfiguration("Sms");
        services.AddSingleton<SmsRateLimits>();
        services.AddSingleton<OneTimeCodes>();
        services.AddSingleton<ISmsSender, LoggingSmsSender>();
        return services;
    }

    private const string AppUserClaim = "app_user";

    public static void MapAppApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        var api = app.MapGroup("/api/app/v1").WithGroupName(Document).WithTags("小程序");

        api.MapPost("/auth/sms-code", SendCodeAsync).WithSummary("发送登录验证码").AllowAnonymous().AddEndpointFilter<SmsRateLimits>();
        api.MapPost("/auth/token", SignInAsync).WithSummary("手机号 + 验证码登录，返回 Bearer 令牌").AllowAnonymous();

        MapContent(api);
        var me = api.MapGroup("").RequireAuthorization(Policy);
        me.MapGet("/me", ProfileAsync).WithSummary("我的资料与钱包");
        me.MapGet("/me/ledger", LedgerAsync).WithSummary("我的账单明细（分页）");
        me.MapGet("/stations/nearby", NearbyAsync).WithSummary("附近电站与空闲枪数（可按 tagId 筛选电站标签）");
        me.MapGet("/stations/tags", StationTagsAsync).WithSummary("电站标签（按排序）");
        me.MapPost("/orders", StartAsync).WithSummary("扫码启动充电");
        me.MapGet("/orders", OrdersAsync).WithSummary("我的充电订单（分页）");
        me.MapGet("/orders/{orderNo}", OrderAsync).WithSummary("充电订单实时状态");
        me.MapPost("/orders/{orderNo}/stop", StopAsync).WithSummary("结束充电");
        MapStoredValue(me);
        MapInvoices(me);
        MapCoupons(me);
        me.MapGet("/campaigns", CampaignsAsync).WithSummary("某位置此刻该给我展示的活动（placement：HomePopup、HomeBanner、StationPage）；返回即记为已看过");
    }

    private static int UserId(ClaimsPrincipal user) => int.Parse(user.FindFirstValue(AppUserClaim)!);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SendCodeAsync(
        SmsCodeRequest request, IValidator<SmsCodeRequest> validator, OneTimeCodes codes, ISmsSender sms, CancellationToken ct)
    {
        request = request with { Phone = PhoneRules.Normalize(request.Phone) };
        if (await Invalid(validator, request, ct) is { } invalid) return invalid;
        var (code, wait) = await codes.IssueAsync(request.Phone!, ct);
        if (code is null) return Problem(StatusCodes.Status429TooManyRequests, $"验证码已发送，请 {wait} 秒后再获取");
        await sms.SendAsync(request.Phone!, $"【充电】您的登录验证码是 {code}，5 分钟内有效。", ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<SignInHttpResult, ValidationProblem, ProblemHttpResult>> SignInAsync(
        TokenRequest request, IValidator<TokenRequest> validator, OneTimeCodes codes, AppUserService users, CancellationToken ct)
    {
        request = request with { Phone = PhoneRules.Normalize(request.Phone) };
        if (await Invalid(validator, request, ct) is { } invalid) return invalid;
        var phone = request.Phone!;
        if (await codes.VerifyAsync(phone, request.Code!, ct) is { } wrong) return Problem(StatusCodes.Status400BadRequest, wrong);
        var (userId, error) = await users.SignInAsync(phone, ct);
        if (userId is null) return Problem(StatusCodes.Status403Forbidden, error!);
        var identity = new ClaimsIdentity([new Claim(AppUserClaim, userId.Value.ToString()), new Claim(ClaimTypes.Name, phone)], Scheme);
        return TypedResults.SignIn(new ClaimsPrincipal(identity), authenticationScheme: Scheme);
    }

    private static async Task<Results<Ok<ProfileView>, ProblemHttpResult>> ProfileAsync(ClaimsPrincipal principal, AppUserService users, CancellationToken ct)
    {
        if (await users.ProfileAsync(UserId(principal), ct) is not { } p) return Problem(StatusCodes.Status404NotFound, "用户不存在");
        var (user, w) = p;
        return TypedResults.Ok(new ProfileView(user.Id, user.Phone, user.Nickname, user.RegisteredAt,
            new WalletView(w.Principal.Yuan, w.Bonus.Yuan, w.Frozen.Yuan, w.Balance().Spendable.Yuan, w.Points)));
    }

    private static async Task<Results<Ok<Paged<LedgerItem>>, ValidationProblem>> LedgerAsync(
        ClaimsPrincipal principal, AppUserService users, IValidator<PageQuery> validator, CancellationToken ct, int page = 1, int pageSize = 20)
    {
        var query = new PageQuery(page, pageSize);
        if (await Invalid(validator, query, ct) is { } invalid) return invalid;
        var (items, total) = await users.LedgerAsync(UserId(principal), page, pageSize, ct);
        return TypedResults.Ok(new Paged<LedgerItem>(items.Select(l => new LedgerItem(l.Id, l.CreatedAt, LedgerText.Account(l.Account),
            l.Account == LedgerAccount.Points ? l.Amount : Money.FromFen(l.Amount).Yuan, l.Account == LedgerAccount.Points ? l.BalanceAfter : Money.FromFen(l.BalanceAfter).Yuan,
            LedgerText.Source(l.Source), l.SourceNo, l.Remark)).ToList(), total, page, pageSize));
    }

    private static async Task<Results<Ok<List<CampaignView>>, ProblemHttpResult>> CampaignsAsync(
        string? placement, ClaimsPrincipal principal, Features.Content.CampaignService campaigns, CancellationToken ct)
    {
        if (!Enum.TryParse<CampaignPlacement>(placement, ignoreCase: true, out var where) || !Enum.IsDefined(where))
            return Problem(StatusCodes.Status400BadRequest, "placement 须为 HomePopup、HomeBanner 或 StationPage");
        return TypedResults.Ok((await campaigns.ShowAsync(UserId(principal), where, ct))
            .Select(c => new CampaignView(c.Id, c.Title, c.ImagePath is { } key ? $"/media/{key}" : null, c.ContentHtml, c.Frequency.ToString())).ToList());
    }

    private static async Task<Ok<List<StationTagView>>> StationTagsAsync(Features.Content.StationTagService tags, CancellationToken ct) =>
        TypedResults.Ok((await tags.AllAsync(ct)).Select(t => new StationTagView(t.Id, t.Name)).ToList());

    private static async Task<Results<Ok<List<NearbyStation>>, ValidationProblem>> NearbyAsync(
        NearbyStations stations, IValidator<NearbyQuery> validator, double lat, double lng, CancellationToken ct, double radiusKm = 10, int? tagId = null)
    {
        var query = new NearbyQuery(lat, lng, radiusKm);
        if (await Invalid(validator, query, ct) is { } invalid) return invalid;
        var found = await stations.FindAsync(lat, lng, radiusKm, ct, tagId);
        return TypedResults.Ok(found.Select(s => new NearbyStation(s.Id, s.Name, s.Address, s.Latitude, s.Longitude, s.DistanceKm, s.FreeGuns, s.TotalGuns, s.Tags)).ToList());
    }

    private static async Task<Results<Created<OrderView>, ValidationProblem, ProblemHttpResult>> StartAsync(
        StartChargingRequest request, ClaimsPrincipal principal, IValidator<StartChargingRequest> validator, ChargingService charging, ChargingOrderService orders,
        HttpContext http, CancellationToken ct)
    {
        // The request id may come in the body or as the Idempotency-Key header.
        request = request with { RequestId = request.RequestId ?? http.Request.Headers["Idempotency-Key"].FirstOrDefault() };
        if (await Invalid(validator, request, ct) is { } invalid) return invalid;
        var userId = UserId(principal);
        var outcome = await charging.StartAsync(userId, request.GunCode!, ct, request.RequestId, request.CouponClaimId);
        if (!outcome.Result.Succeeded)
            return Problem(outcome.OrderNo is null ? StatusCodes.Status409Conflict : StatusCodes.Status502BadGateway, outcome.Result.Error!);
        var order = (await orders.ForUserAsync(userId, outcome.OrderNo!, ct))!.Value;
        return TypedResults.Created($"/api/app/v1/orders/{order.Order.OrderNo}", View(order.Order, order.StationName));
    }

    private static async Task<Results<Ok<OrderView>, ProblemHttpResult>> OrderAsync(string orderNo, ClaimsPrincipal principal, ChargingOrderService orders, CancellationToken ct) =>
        await orders.ForUserAsync(UserId(principal), orderNo, ct) is { } o
            ? TypedResults.Ok(View(o.Order, o.StationName))
            : Problem(StatusCodes.Status404NotFound, "订单不存在");

    private static async Task<Results<Ok<Paged<OrderView>>, ValidationProblem>> OrdersAsync(
        ClaimsPrincipal principal, ChargingOrderService orders, IValidator<PageQuery> validator, CancellationToken ct, int page = 1, int pageSize = 20)
    {
        var query = new PageQuery(page, pageSize);
        if (await Invalid(validator, query, ct) is { } invalid) return invalid;
        var (items, total) = await orders.ListForUserAsync(UserId(principal), page, pageSize, ct);
        return TypedResults.Ok(new Paged<OrderView>(items.Select(o => View(o.Order, o.StationName)).ToList(), total, page, pageSize));
    }

    private static async Task<Results<Ok<OrderView>, ProblemHttpResult>> StopAsync(string orderNo, ClaimsPrincipal principal, ChargingOrderService orders, CancellationToken ct)
    {
        var userId = UserId(principal);
        var result = await orders.StopForUserAsync(userId, orderNo, ct);
        if (!result.Succeeded) return Problem(result.Error == "订单不存在" ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict, result.Error!);
        var o = (await orders.ForUserAsync(userId, orderNo, ct))!.Value;
        return TypedResults.Ok(View(o.Order, o.StationName));
    }

    private static OrderView View(ChargingOrder o, string stationName)
    {
        // While the record is still to come the amount is the pile's running total: its fees are not known yet.
        var priced = !ChargingOrderLifecycle.AwaitsRecord(o.Status);
        return new(o.OrderNo, o.Status, OrderText.Status(o.Status), o.GunCode, stationName, o.CreatedAt, o.StartedAt, o.EndedAt,
            o.Energy.Kwh, o.TotalAmount.Yuan, priced ? o.ElectricityFee.Yuan : null, priced ? o.ServiceFee.Yuan : null, o.PowerKw, o.Soc, o.PaidPrincipal.Yuan, o.PaidBonus.Yuan,
            o.StopReason, o.FailureReason, o.DiscountAmount.Yuan);
    }

    private static async Task<ValidationProblem?> Invalid<T>(IValidator<T> validator, T value, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(value, ct);
        return result.IsValid ? null : TypedResults.ValidationProblem(result.ToDictionary(), title: "输入有误");
    }

    private static ProblemHttpResult Problem(int status, string detail) => TypedResults.Problem(detail: detail, statusCode: status, title: detail);
}
