using System;
using System.Collections.Generic;
using System.Linq;
using QualysGen.Generator.Binding;

namespace QualysGen.Generator.Tests;

/// <summary>Hint name stems: a unique file name is kept as it is; shared ones get the folders that tell them apart, whatever the order.</summary>
public sealed class HintNamesTests
{
    [Fact]
    public void A_file_name_no_other_input_has_is_kept()
        => AssertHints(
            ["/home/dev/app/simple_return.dtd", "/home/dev/app/x/wasscan.xsd", "/home/dev/app/scan.endpoints.json", "/home/dev/app/a b.dtd"],
            ["simple_return.dtd", "wasscan.xsd", "scan.endpoints.json", "a_b.dtd"]);

    [Fact]
    public void Same_names_get_the_nearest_folders_that_tell_them_apart_and_nothing_above()
    {
        AssertHints(["/home/dev/app/a/report.dtd", "/home/dev/app/b/report.dtd"], ["a.report.dtd", "b.report.dtd"]);
        AssertHints(["/src/x/v1/report.dtd", "/src/y/v1/report.dtd", "/src/report.dtd"], ["x.v1.report.dtd", "y.v1.report.dtd", "src.report.dtd"]);
    }

    [Fact]
    public void Names_that_differ_in_case_or_in_characters_a_hint_cannot_hold_collide_too()
    {
        AssertHints(["/p/a/Report.dtd", "/p/b/report.dtd"], ["a.Report.dtd", "b.report.dtd"]);
        AssertHints(["/p/a/my report.dtd", "/p/b/my_report.dtd"], ["a.my_report.dtd", "b.my_report.dtd"]);
    }

    [Fact]
    public void A_name_that_no_folder_tells_apart_or_that_another_file_has_gets_a_number()
    {
        // The same folder, names differing in case only (a case-sensitive file system).
        AssertHints(["/home/dev/app/Report.dtd", "/home/dev/app/report.dtd"], ["Report.dtd", "report.dtd.2"]);

        // "a.report.dtd" is another file's own (unique) name, which it keeps.
        AssertHints(["/p/a.report.dtd", "/p/a/report.dtd", "/p/b/report.dtd"], ["a.report.dtd", "a.report.dtd.2", "b.report.dtd"]);
    }

    [Fact]
    public void Hint_names_are_unique_and_do_not_depend_on_the_input_order()
    {
        string[] paths = ["/r/a/x.dtd", "/r/b/x.dtd", "/r/A/X.dtd", "/r/x.dtd", "/r/a.x.dtd", "/r/b/y.xsd", "/r/c/y.xsd", "/r/x.endpoints.json"];
        var expected = HintNames.Assign(paths);

        Assert.Equal(paths.Length, expected.Select(h => h.HintName).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var order in Rotations(paths).Concat(Rotations(paths.Reverse().ToArray())))
        {
            Assert.Equal(expected, HintNames.Assign(order));
        }
    }

    [Fact]
    public void Display_names_are_file_names_unless_they_are_shared()
    {
        Assert.Equal(["SimpleReport.dtd", "simple_report.dtd"], HintNames.DisplayNames(["/p/simple_report.dtd", "/p/SimpleReport.dtd"]).Values.Order(StringComparer.Ordinal));
        Assert.Equal(["a/report.dtd", "b/report.dtd"], HintNames.DisplayNames(["/home/dev/a/report.dtd", "/home/dev/b/report.dtd"]).Values.Order());
    }

    private static void AssertHints(string[] paths, string[] hints)
    {
        var assigned = HintNames.Assign(paths);
        Assert.Equal(hints, paths.Select(p => assigned.Single(h => h.FilePath == p).HintName));
    }

    private static IEnumerable<string[]> Rotations(string[] items)
        => Enumerable.Range(0, items.Length).Select(i => items.Skip(i).Concat(items.Take(i)).ToArray());
}
