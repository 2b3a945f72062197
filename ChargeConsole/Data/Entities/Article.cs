using ChargeConsole.Domain.Values;

namespace ChargeConsole.Data.Entities;

/// <summary>协议公告: the user agreement and the privacy policy shown at sign-in, and notices.</summary>
public enum ArticleKind { Agreement = 0, Notice = 1, Privacy = 2 }

public class Article : IPublishable
{
    public int Id { get; set; }
    public ArticleKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string ContentHtml { get; set; } = "";
    public PublishStatus Status { get; set; }
    public DateTime? PublishFrom { get; set; }
    public DateTime? PublishTo { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? UpdatedAt { get; set; }
}
