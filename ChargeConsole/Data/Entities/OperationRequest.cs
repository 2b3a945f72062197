using ChargeConsole.Domain.Values;
using Microsoft.AspNetCore.Identity;

namespace ChargeConsole.Data.Entities;

/// <summary>
/// A money action a person or client may repeat (a double click, a retry): its request id, unique, with the outcome
/// it had. Written in the same transaction as the money it describes, so a repeat finds it and acts no more.
/// </summary>
public class OperationRequest
{
    public long Id { get; set; }
    public string RequestId { get; set; } = "";
    public string Action { get; set; } = "";
    public bool Succeeded { get; set; }
    public string Result { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}
