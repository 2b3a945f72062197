using System.Linq.Expressions;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ChargeConsole.Shared;

/// <summary>
/// A templated grid column the database can sort. MudBlazor names a template column by a random id, so a server-paged
/// grid could not tell which property to order by (and template columns are not sortable by default): this column
/// takes the row property as an expression and gives its name as the column's.
/// </summary>
public sealed class SortColumn<T> : TemplateColumn<T>
{
    private string _property = "";

    /// <summary>The row property the rows are ordered by, e.g. <c>x =&gt; x.TotalAmount</c>.</summary>
    [Parameter, EditorRequired] public Expression<Func<T, object?>> Sort { get; set; } = default!;

    public override string PropertyName => _property;

    protected override void OnParametersSet()
    {
        var body = Sort.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : Sort.Body;
        _property = body is MemberExpression member ? member.Member.Name
            : throw new ArgumentException($"列排序必须是行的属性：{Sort}");
#pragma warning disable BL0005 // the column sets its own defaults from its Sort parameter
        Sortable = true;
        SortBy ??= Sort.Compile();
#pragma warning restore BL0005
        base.OnParametersSet();
    }
}
