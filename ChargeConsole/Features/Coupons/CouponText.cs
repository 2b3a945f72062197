using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Coupons;
using ChargeConsole.Domain.Values;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Grid;
using ChargeConsole.Infrastructure.Live;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Coupons;

public static class CouponText
{
    public static string Phase(CouponPhase p) => p switch { CouponPhase.NotStarted => "未开始", CouponPhase.Active => "已生效", _ => "已失效" };

    public static string Method(CouponClaimMethod m) => m switch { CouponClaimMethod.QrCode => "扫码领取", CouponClaimMethod.InApp => "小程序领取", _ => "后台发放" };

    public static string Status(CouponClaimStatus s) => s switch
    {
        CouponClaimStatus.Unused => "未使用", CouponClaimStatus.Reserved => "充值待支付占用", CouponClaimStatus.Used => "已使用", _ => "已过期",
    };
}
