
namespace ChargeConsole.Data.Entities;

/// <summary>
/// A sign-in code sent by SMS: in the database so that any node can check it, removed once used or expired.
/// </summary>
public class SmsCode
{
    public string Phone { get; set; } = "";
    public string Code { get; set; } = "";
    public DateTime SentAt { get; set; }
    public int WrongTries { get; set; }
}
