using FluentValidation;

namespace ChargeConsole.Features.Piles;

/// <summary>One configuration key an operator sets on an OCPP pile (ChangeConfiguration).</summary>
public sealed class PileSettingForm
{
    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
}

/// <summary>The OCPP 1.6 sizes: a key is CiString50, a value CiString500.</summary>
public sealed class PileSettingValidator : AbstractValidator<PileSettingForm>
{
    public PileSettingValidator()
    {
        RuleFor(x => x.Key).NotEmpty().WithMessage("请填写配置项名称").MaximumLength(50).WithMessage("配置项名称不能超过50个字符")
            .Matches("^[\\x20-\\x7E]*$").WithMessage("配置项名称只能用英文字母、数字和符号");
        RuleFor(x => x.Value).NotNull().WithMessage("请填写配置值").MaximumLength(500).WithMessage("配置值不能超过500个字符")
            .Matches("^[^\\x00-\\x1F\\x7F]*$").WithMessage("配置值不能含控制字符");
    }
}

/// <summary>Where an OCPP pile fetches firmware from, or uploads its diagnostics to.</summary>
public sealed class PileFileLocationForm
{
    public string Location { get; set; } = "";
}

public sealed class PileFileLocationValidator : AbstractValidator<PileFileLocationForm>
{
    private static readonly string[] Schemes = ["http", "https", "ftp", "ftps", "sftp"];

    public PileFileLocationValidator()
    {
        RuleFor(x => x.Location).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("请填写文件地址")
            .MaximumLength(512).WithMessage("文件地址不能超过512个字符")
            .Must(l => Uri.TryCreate(l, UriKind.Absolute, out var u) && Schemes.Contains(u.Scheme) && !string.IsNullOrEmpty(u.Host))
            .WithMessage("文件地址须为 http、https、ftp、ftps 或 sftp 开头的完整地址");
    }
}
