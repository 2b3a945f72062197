using ChargeConsole.Data.Entities;

namespace ChargeConsole.Features.Pricing;

/// <summary>SPEC: a pile's own billing template wins over its station's. The one place that rule is written for queries.</summary>
public static class EffectiveTemplate
{
    public static IQueryable<int?> EffectiveTemplateIds(this IQueryable<Pile> piles) =>
        piles.Select(p => p.BillingTemplateId ?? p.Station.BillingTemplateId);

    public static IQueryable<Pile> UsingTemplate(this IQueryable<Pile> piles, int templateId) =>
        piles.Where(p => (p.BillingTemplateId ?? p.Station.BillingTemplateId) == templateId);
}
