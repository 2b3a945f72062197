using ChargeConsole.Domain.Values;

namespace ChargeConsole.Data.Entities;

public enum CouponClaimMethod { Issued = 0, QrCode = 1, InApp = 2 }

public class Coupon
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>满: the order amount from which the coupon applies (zero = no threshold).</summary>
    public Money Threshold { get; set; }
    /// <summary>减: the discount.</summary>
    public Money Discount { get; set; }
    public int TotalQuantity { get; set; }
    public int ClaimedCount { get; set; }
    public int PerUserLimit { get; set; } = 1;
    public DateTime ValidFrom { get; set; }
    public DateTime ValidTo { get; set; }
    public CouponClaimMethod ClaimMethod { get; set; }
    public string? PosterPath { get; set; }
    public string? Remark { get; set; }
    /// <summary>The random token of the QR claim link (/c/{token}); unguessable, so only those shown the code can claim by it.</summary>
    public string ClaimToken { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
