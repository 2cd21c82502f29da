using System.Reflection;
using NetArchTest.Rules;

namespace Dispatch.Api.Tests.Architecture;

/// <summary>
/// Arrows between features point one way: the case module stands on Routing, Grids, Catalogue, Calendar and
/// Components; those never reach back into it, and each may use only the features listed for it here.
/// </summary>
public sealed class FeatureDependencies
{
    private const string Features = "Dispatch.Api.Features";

    /// <summary>Which other features each feature may use. A feature missing here may use none.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Allowed = new Dictionary<string, string[]>
    {
        ["Cases"] = ["Routing", "Grids", "Catalogue", "Calendar", "Components"],
        ["Components"] = ["Routing", "Grids", "Catalogue"],
        ["Ledger"] = ["Cases", "Grids", "Catalogue"],
        ["Evaluation"] = [],
        ["Open311"] = ["Cases", "Catalogue", "Grids"],
        ["Reports"] = ["Evaluation"],
        ["Routing"] = ["Grids", "Catalogue"],
        ["Accounts"] = ["Grids"],
        ["Auth"] = [],
        ["Calendar"] = [],
        ["Catalogue"] = [],
        ["DeadLetters"] = [],
        ["Departments"] = ["Grids"],
        ["Grids"] = [],
    };

    private static readonly Assembly Api = typeof(Program).Assembly;

    private static IEnumerable<string> FeatureNames() =>
        Api.GetTypes().Select(t => t.Namespace).OfType<string>()
            .Where(n => n.StartsWith(Features + ".", StringComparison.Ordinal))
            .Select(n => n[(Features.Length + 1)..].Split('.')[0])
            .Distinct();

    public static TheoryData<string> EveryFeature() => new(FeatureNames().Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(EveryFeature))]
    public void A_feature_uses_only_the_features_it_may(string feature)
    {
        Assert.True(Allowed.ContainsKey(feature), $"Feature {feature} is new: say in {nameof(Allowed)} which features it may use.");
        var forbidden = FeatureNames().Where(other => other != feature && !Allowed[feature].Contains(other))
            .Select(other => $"{Features}.{other}").ToArray();

        var result = Types.InAssembly(Api).That().ResideInNamespace($"{Features}.{feature}")
            .ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful,
            $"{feature} may use only [{string.Join(", ", Allowed[feature])}], but these types reach further: "
            + string.Join(", ", result.FailingTypes.Select(t => t.FullName)));
    }

    [Fact]
    public void The_table_names_no_feature_that_does_not_exist()
    {
        var existing = FeatureNames().ToHashSet();
        var named = Allowed.Keys.Concat(Allowed.Values.SelectMany(v => v)).Distinct().ToList();
        Assert.All(named, f => Assert.Contains(f, existing));
    }

    [Fact]
    public void The_rule_catches_a_reverse_arrow()
    {
        // The case module does use Routing, so the same check pointed the other way must fail: the test can see arrows.
        var result = Types.InAssembly(Api).That().ResideInNamespace($"{Features}.Cases")
            .ShouldNot().HaveDependencyOnAny($"{Features}.Routing").GetResult();
        Assert.False(result.IsSuccessful);
    }

    [Fact]
    public void The_domain_knows_no_database_bus_or_web_framework()
    {
        var result = Types.InAssembly(typeof(Dispatch.Domain.Cases.Case).Assembly)
            .ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "MassTransit", "Microsoft.AspNetCore", "Npgsql")
            .GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypes.Select(t => t.FullName)));
    }
}
