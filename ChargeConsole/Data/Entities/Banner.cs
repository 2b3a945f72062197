using ChargeConsole.Domain.Values;

namespace ChargeConsole.Data.Entities;

public class Banner : IPublishable
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string ImagePath { get; set; } = "";
    public string? LinkUrl { get; set; }
    public int SortOrder { get; set; }
    public PublishStatus Status { get; set; }
    public DateTime? PublishFrom { get; set; }
    public DateTime? PublishTo { get; set; }
    public DateTime CreatedAt { get; set; }
}
