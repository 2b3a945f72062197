using ChargeConsole.Tests.Support;
using System.Text.RegularExpressions;

namespace ChargeConsole.Tests.Architecture;

/// <summary>
/// Issue 21: rules of the house that the compiler cannot hold, read from the source tree itself: a status changes
/// only through its life-cycle table's move helper, and Domain returns outcomes, never words for a user.
/// </summary>
[Trait(TestKind.Name, TestKind.Fast)]
public partial class SourceRulesTests
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "global.json")) && Directory.Exists(Path.Combine(dir.FullName, "ChargeConsole.Domain"))) return dir.FullName;
        throw new InvalidOperationException("The repository root (global.json beside ChargeConsole.Domain) was not found above " + AppContext.BaseDirectory);
    }

    private static IEnumerable<(string File, int Line, string Text)> Lines(string project) =>
        Directory.EnumerateFiles(Path.Combine(Root, project), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadLines(f).Select((text, i) => (Path.GetRelativePath(Root, f), i + 1, text)));

    /// <summary>Status writes that are not money documents': guns follow their pile, packages an operator's switch, sync logs the pile's answer,
    /// the sandbox plays WeChat Pay, the membership table records a node's.</summary>
    private static readonly string[] NotMoneyDocuments =
        ["PileEventSink.cs", "PileOperationsService.cs", "BillingSyncService.cs", "PackageService.cs", "WeChatPaySandbox.cs", "EfMembershipTable.cs"];

    [GeneratedRegex(@"\.Status\s*=(?![=>])|SetProperty\(\s*(\w+)\s*=>\s*\1\.Status\s*,")]
    private static partial Regex StatusWrite();

    [Fact]
    public void Every_status_write_outside_the_move_helpers_is_one_of_the_known_non_money_ones()
    {
        var strays = Lines("ChargeConsole").Where(l => StatusWrite().IsMatch(l.Text))
            .Where(l => !l.File.EndsWith("Transitions.cs", StringComparison.Ordinal) && !NotMoneyDocuments.Any(n => l.File.EndsWith(n, StringComparison.Ordinal)))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}").ToList();
        Assert.True(strays.Count == 0, "A status written outside its *Transitions move helper:\n" + string.Join("\n", strays));
    }

    [Fact]
    public void Every_feature_folder_with_services_or_jobs_wires_itself_in_its_own_feature_file()
    {
        var features = Path.Combine(Root, "ChargeConsole", "Features");
        var missing = Directory.GetDirectories(features)
            .Where(d => Directory.EnumerateFiles(d, "*.cs").Any(f => f.EndsWith("Service.cs", StringComparison.Ordinal) || f.EndsWith("Job.cs", StringComparison.Ordinal)))
            .Where(d => !File.Exists(Path.Combine(d, Path.GetFileName(d) + "Feature.cs")))
            .Select(Path.GetFileName).ToList();
        Assert.True(missing.Count == 0, "Feature folders without their <Module>Feature.cs: " + string.Join(", ", missing!));
        var registration = File.ReadAllText(Path.Combine(features, "FeatureRegistration.cs"));
        Assert.DoesNotContain("AddSingleton<", registration.Split("foreach (var feature in Features) feature.AddServices")[1], StringComparison.Ordinal);
    }

    [Fact]
    public void No_page_or_dialog_opens_a_database_it_asks_its_feature()
    {
        var razor = Directory.EnumerateFiles(Path.Combine(Root, "ChargeConsole"), "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));
        var opening = razor.Where(f => File.ReadAllText(f) is var text && (text.Contains("IDbContextFactory", StringComparison.Ordinal) || text.Contains("ChargeDbContext", StringComparison.Ordinal)))
            .Select(f => Path.GetRelativePath(Root, f)).ToList();
        Assert.True(opening.Count == 0, "Components that open the database themselves (use ListPages or the feature's service):\n" + string.Join("\n", opening));
    }

    [GeneratedRegex(@"""[^""]*\p{IsCJKUnifiedIdeographs}[^""]*""")]
    private static partial Regex ChineseLiteral();

    [Fact]
    public void Domain_returns_outcomes_and_leaves_the_words_to_the_web_layer()
    {
        var words = Lines("ChargeConsole.Domain").Where(l => !l.Text.TrimStart().StartsWith("//", StringComparison.Ordinal) && ChineseLiteral().IsMatch(l.Text))
            .Select(l => $"{l.File}:{l.Line}: {l.Text.Trim()}").ToList();
        Assert.True(words.Count == 0, "Chinese text in Domain:\n" + string.Join("\n", words));
    }
}

[Trait(TestKind.Name, TestKind.Fast)]
public class TestKindTests
{
    [Fact]
    public void Every_test_class_says_its_kind_so_the_fast_loop_filter_misses_none()
    {
        var kinds = new[] { TestKind.Fast, TestKind.Live, TestKind.Browser };
        var unmarked = typeof(TestKindTests).Assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.GetCustomAttributes(typeof(FactAttribute), true).Length > 0))
            .Where(t => !t.GetCustomAttributesData().Any(a => a.AttributeType == typeof(TraitAttribute)
                && (string?)a.ConstructorArguments[0].Value == TestKind.Name && kinds.Contains((string?)a.ConstructorArguments[1].Value)))
            .Select(t => t.FullName).ToList();
        Assert.True(unmarked.Count == 0, "Test classes without a Kind trait: " + string.Join(", ", unmarked));
    }
}
