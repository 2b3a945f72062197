namespace ChargeConsole.Features.Users;

/// <summary>What an investor may see of a user's phone: 139****0000.</summary>
public static class PhoneMask
{
    public static string? Mask(string? phone) => phone is { Length: 11 } ? $"{phone[..3]}****{phone[7..]}" : phone is null ? null : "****";
}
