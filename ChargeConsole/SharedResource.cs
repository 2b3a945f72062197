namespace ChargeConsole;

/// <summary>
/// Marker for the UI string resources. Keys are the zh-CN texts themselves (the default culture), so a
/// missing translation falls back to Chinese; <c>Resources/SharedResource.en.resx</c> holds English.
/// </summary>
public sealed class SharedResource;
