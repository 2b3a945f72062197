using ChargeConsole.Domain.Values;
using Microsoft.AspNetCore.Identity;

namespace ChargeConsole.Data.Entities;

public class AuditLog
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string UserName { get; set; } = "";
    public string Action { get; set; } = "";
    public string Target { get; set; } = "";
    public bool Succeeded { get; set; }
    public string Result { get; set; } = "";
}
