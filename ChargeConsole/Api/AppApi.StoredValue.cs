using System.Security.Claims;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Values;
using ChargeConsole.Features.StoredValue;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChargeConsole.Api;

/// <summary>储值: packages, recharge orders paid with WeChat Pay, and refunds of one's own recharge orders.</summary>
public static partial class AppApi
{
    private static void MapStoredValue(RouteGroupBuilder me)
    {
        me.MapGet("/recharge/packages", PackagesAsync).WithSummary("充值套餐（在售）");
        me.MapPost("/recharge/orders", CreateRechargeAsync).WithSummary("创建储值订单，返回 wx.requestPayment 参数");
        me.MapGet("/recharge/orders", RechargesAsync).WithSummary("我的储值订单（分页）");
        me.MapGet("/recharge/orders/{orderNo}", RechargeAsync).WithSummary("储值订单状态与可退金额");
        me.MapPost("/recharge/orders/{orderNo}/refunds", RequestRefundAsync).WithSummary("申请退款（不超过可退金额）");
        me.MapGet("/refunds", RefundsAsync).WithSummary("我的退款记录（分页）");
        me.MapGet("/marketing/activities", ActivitiesAsync).WithSummary("进行中的营销活动及其套餐；第一个（最近开始的）是充值页要弹出的海报");
        me.MapGet("/marketing/packages/{id:int}/coupons", PackageCouponsAsync).WithSummary("购买该营销套餐时可用的优惠券（活动允许优惠叠加时），优惠最多的在前");
        me.MapGet("/withdrawals/quote", WithdrawalQuoteAsync).WithSummary("提现是否开通、手续费率与可提现金额");
        me.MapPost("/withdrawals", RequestWithdrawalAsync).WithSummary("申请提现（冻结，待运营审核）");
        me.MapGet("/withdrawals", WithdrawalsAsync).WithSummary("我的提现记录（分页）");
    }

    private static async Task<Ok<List<PackageView>>> PackagesAsync(RechargeService recharges, CancellationToken ct) =>
        TypedResults.Ok((await recharges.PackagesOnSaleAsync(ct)).Select(p => new PackageView(p.Id, p.Name, p.Amount.Yuan, p.Bonus.Yuan, (p.Amount + p.Bonus).Yuan)).ToList());

    private static async Task<Results<Created<RechargeStartView>, ValidationProblem, ProblemHttpResult>> CreateRechargeAsync(
        RechargeRequest request, ClaimsPrincipal principal, IValidator<RechargeRequest> validator, RechargeService recharges, HttpContext http, CancellationToken ct)
    {
        request = request with { RequestId = request.RequestId ?? http.Request.Headers["Idempotency-Key"].FirstOrDefault() };
        if (await Invalid(validator, request, ct) is { } invalid) return invalid;
        var (start, error) = await recharges.CreateAsync(UserId(principal), request.PackageId, request.OpenId!.Trim(), request.RequestId!, ct, request.MarketingPackageId,
            request.CouponClaimId);
        if (start is null) return Problem(error!.StartsWith("微信支付下单失败") ? StatusCodes.Status502BadGateway : StatusCodes.Status409Conflict, error);
        var p = start.Payment;
        return TypedResults.Created($"/api/app/v1/recharge/orders/{start.Order.OrderNo}", new RechargeStartView(
            View(start.Order, Money.Zero), new PaymentView(p.AppId, p.TimeStamp, p.NonceStr, p.Package, p.SignType, p.PaySign)));
    }

    private static async Task<Results<Ok<RechargeView>, ProblemHttpResult>> RechargeAsync(
        string orderNo, ClaimsPrincipal principal, RechargeService recharges, RefundService refunds, CancellationToken ct)
    {
        var userId = UserId(principal);
        if (await recharges.ForUserAsync(userId, orderNo, ct) is not { } order) return Problem(StatusCodes.Status404NotFound, "储值订单不存在");
        return TypedResults.Ok(View(order, await refunds.RefundableAsync(order.Id, userId, ct) ?? Money.Zero));
    }

    private static async Task<Results<Ok<Paged<RechargeView>>, ValidationProblem>> RechargesAsync(
        ClaimsPrincipal principal, RechargeService recharges, IValidator<PageQuery> validator, CancellationToken ct, int page = 1, int pageSize = 20)
    {
        var query = new PageQuery(page, pageSize);
        if (await Invalid(validator, query, ct) is { } invalid) return invalid;
        var (items, total) = await recharges.ListForUserAsync(UserId(principal), page, pageSize, ct);
        return TypedResults.Ok(new Paged<RechargeView>(items.Select(o => View(o, null)).ToList(), total, page, pageSize));
    }

    private static async Task<Results<Accepted<RefundView>, ValidationProblem, ProblemHttpResult>> RequestRefundAsync(
        string orderNo, RefundForm request, ClaimsPrincipal principal, IValidator<RefundForm> validator, RechargeService recharges, RefundService refunds,
        StoredValueQueries queries, HttpContext http, CancellationToken ct)
    {
        // The console's dialog asks for a reason; the mini-program may leave it out, and this is what it then says.
        if (string.IsNullOrWhiteSpace(request.Reason)) request.Reason = "用户申请退款";
        request.RequestId ??= http.Request.Headers["Idempotency-Key"].FirstOrDefault();
        if (await Invalid(validator, request, ct) is { } invalid) return invalid;
        var userId = UserId(principal);
        if (await recharges.ForUserAsync(userId, orderNo, ct) is not { } order) return Problem(StatusCodes.Status404NotFound, "储值订单不存在");
        var phone = principal.FindFirstValue(ClaimTypes.Name) ?? $"用户 {userId}";
        var result = await refunds.RequestAsync(RefundAsker.User(userId, phone, "app:" + userId + ":" + request.RequestId), order.Id,
            Money.FromYuan(request.Amount!.Value), request.Reason, ct);
        // Refused before anything was recorded: 409. Recorded and then refused by WeChat Pay: the refund says so (failed, with the reason).
        if (result.RefundNo is null) return Problem(StatusCodes.Status409Conflict, result.Error!);
        var refund = (await queries.RefundsForUserAsync(userId, 1, 1, ct, result.RefundNo)).Items.Single();
        return TypedResults.Accepted($"/api/app/v1/refunds", RefundViewOf(refund));
    }

    private static async Task<Results<Ok<Paged<RefundView>>, ValidationProblem>> RefundsAsync(
        ClaimsPrincipal principal, StoredValueQueries queries, IValidator<PageQuery> validator, CancellationToken ct, int page = 1, int pageSize = 20)
    {
        var query = new PageQuery(page, pageSize);
        if (await Invalid(validator, query, ct) is { } invalid) return invalid;
        var (items, total) = await queries.RefundsForUserAsync(UserId(principal), page, pageSize, ct);
        return TypedResults.Ok(new Paged<RefundView>(items.Select(RefundViewOf).ToList(), total, page, pageSize));
    }

    private static RechargeView View(RechargeOrder o, Money? refundable) => new(o.OrderNo, o.Status, StoredValueText.Status(o.Status), o.PaidAmount.Yuan, o.BonusAmount.Yuan,
        o.RefundedAmount.Yuan, o.RefundingAmount.Yuan, refundable?.Yuan, o.CreatedAt, o.PaidAt, o.DiscountAmount.Yuan);

    private static RefundView RefundViewOf(RefundRow r) => new(r.RefundNo, r.OrderNo, r.Amount.Yuan, r.Status, StoredValueText.Status(r.Status), r.Reason, r.FailureReason,
        r.CreatedAt, r.CompletedAt);

    private static async Task<Ok<WithdrawalQuoteView>> WithdrawalQuoteAsync(ClaimsPrincipal principal, WithdrawalService withdrawals, CancellationToken ct)
    {
        var settings = await withdrawals.SettingsAsync(ct);
        return TypedResults.Ok(new WithdrawalQuoteView(settings.Enabled, settings.FeePercent,
            settings.Enabled ? (await withdrawals.WithdrawableAsync(UserId(principal), ct)).Yuan : 0m));
    }

    private static async Task<Results<Accepted<WithdrawalView>, ValidationProblem, ProblemHttpResult>> RequestWithdrawalAsync(
        WithdrawalApiRequest request, ClaimsPrincipal principal, IValidator<WithdrawalApiRequest> validator, WithdrawalService withdrawals, HttpContext http, CancellationToken ct)
    {
        request = request with { RequestId = request.RequestId ?? http.Request.Headers["Idempotency-Key"].FirstOrDefault() };
        if (await Invalid(validator, request, ct) is { } invalid) return invalid;
        var userId = UserId(principal);
        var result = await withdrawals.RequestAsync(userId, principal.FindFirstValue(ClaimTypes.Name) ?? $"用户 {userId}", Money.FromYuan(request.Amount!.Value), request.RequestId!, ct);
        if (!result.Succeeded) return Problem(StatusCodes.Status409Conflict, result.Error!);
        var w = (await withdrawals.ForUserAsync(userId, 1, 1, ct, result.Message)).Items.Single();
        return TypedResults.Accepted("/api/app/v1/withdrawals", WithdrawalViewOf(w));
    }

    private static async Task<Results<Ok<Paged<WithdrawalView>>, ValidationProblem>> WithdrawalsAsync(
        ClaimsPrincipal principal, WithdrawalService withdrawals, IValidator<PageQuery> validator, CancellationToken ct, int page = 1, int pageSize = 20)
    {
        var query = new PageQuery(page, pageSize);
        if (await Invalid(validator, query, ct) is { } invalid) return invalid;
        var (items, total) = await withdrawals.ForUserAsync(UserId(principal), page, pageSize, ct);
        return TypedResults.Ok(new Paged<WithdrawalView>(items.Select(WithdrawalViewOf).ToList(), total, page, pageSize));
    }

    private static WithdrawalView WithdrawalViewOf(WithdrawalRow w) => new(w.No, w.Amount.Yuan, w.Fee.Yuan, w.PaidOut.Yuan, w.Status, StoredValueText.Status(w.Status),
        w.Remark, w.CreatedAt, w.ProcessedAt);

    private static async Task<Results<Ok<PackageCouponsView>, ProblemHttpResult>> PackageCouponsAsync(int id, ClaimsPrincipal principal, RechargeService recharges,
        CancellationToken ct)
    {
        var (offer, coupons) = await recharges.CouponsForAsync(UserId(principal), id, ct);
        if (offer is null) return Problem(StatusCodes.Status404NotFound, "该营销套餐不存在、已关闭或活动未在进行中");
        return TypedResults.Ok(new PackageCouponsView(id, offer.Amount.Yuan, offer.Bonus.Yuan, offer.CouponsStack,
            coupons.Select(c => new PaymentCouponView(c.ClaimId, c.Name, c.Threshold.Yuan, c.Discount.Yuan, (offer.Amount - c.Discount).Yuan, c.ValidTo)).ToList()));
    }

    private static async Task<Ok<List<ActivityView>>> ActivitiesAsync(Features.Marketing.ActivityService activities, CancellationToken ct) =>
        TypedResults.Ok((await activities.RunningAsync(ct)).Select(a => new ActivityView(a.Id, a.Title, a.PosterPath is { } key ? $"/media/{key}" : null, a.RulesHtml,
            a.StackableWithCoupons, a.StartAt, a.EndAt,
            a.Packages.OrderBy(p => p.Amount.Fen).Select(p => new PackageView(p.Id, p.Name, p.Amount.Yuan, p.Bonus.Yuan, (p.Amount + p.Bonus).Yuan)).ToList())).ToList());
}
