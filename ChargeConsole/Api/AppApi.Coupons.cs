using ChargeConsole.Domain.Coupons;
using System.Security.Claims;
using ChargeConsole.Data.Entities;
using ChargeConsole.Features.Coupons;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChargeConsole.Api;

/// <summary>优惠券: the user's coupons, and claiming one by its QR link's token.</summary>
public static partial class AppApi
{
    private static void MapCoupons(RouteGroupBuilder me)
    {
        me.MapGet("/coupons/mine", MyCouponsAsync).WithSummary("我的优惠券（分页）；启动充电时可用 couponClaimId 指定一张");
        me.MapPost("/coupons/claim", ClaimCouponAsync).WithSummary("按二维码链接中的 token 领取优惠券");
    }

    private static async Task<Results<Ok<Paged<CouponView>>, ValidationProblem>> MyCouponsAsync(
        ClaimsPrincipal principal, CouponService coupons, IValidator<PageQuery> validator, CancellationToken ct, int page = 1, int pageSize = 20)
    {
        var query = new PageQuery(page, pageSize);
        if (await Invalid(validator, query, ct) is { } invalid) return invalid;
        var (items, total) = await coupons.MineAsync(UserId(principal), page, pageSize, ct);
        // The mini-program's contract: a reserved copy reads 未使用 with reserved = true.
        return TypedResults.Ok(new Paged<CouponView>(items.Select(c => (c, Shown: c.Reserved ? CouponClaimStatus.Unused : c.Status))
            .Select(x => new CouponView(x.c.Id, x.c.Coupon, x.c.Threshold.Yuan, x.c.Discount.Yuan, x.Shown, CouponText.Status(x.Shown), x.c.ValidTo,
                x.c.ClaimedAt, x.c.UsedAt, x.c.Reserved)).ToList(), total, page, pageSize));
    }

    private static async Task<Results<Ok<string>, ValidationProblem, ProblemHttpResult>> ClaimCouponAsync(
        CouponClaimRequest request, ClaimsPrincipal principal, IValidator<CouponClaimRequest> validator, CouponService coupons, CancellationToken ct)
    {
        if (await Invalid(validator, request, ct) is { } invalid) return invalid;
        var (coupon, error) = await coupons.ByTokenAsync(request.Token, ct);
        if (coupon is null) return Problem(StatusCodes.Status404NotFound, error!);
        var userId = UserId(principal);
        var result = await coupons.ClaimAsync(coupon.Id, userId, CouponClaimMethod.QrCode, principal.FindFirstValue(ClaimTypes.Name) ?? $"用户 {userId}", ct);
        return result.Succeeded ? TypedResults.Ok(result.Message!) : Problem(StatusCodes.Status409Conflict, result.Error!);
    }
}
