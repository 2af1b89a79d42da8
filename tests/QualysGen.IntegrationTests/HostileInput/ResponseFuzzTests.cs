using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace QualysGen.IntegrationTests.HostileInput;

/// <summary>
/// The fixed-seed fuzz test of issue 13: valid documents of the checked-in schemas, mutated (cut at every byte, junk after
/// the root, bytes flipped, inserted and deleted, tags duplicated, stray end tags, long whitespace, deep nesting), through
/// every entry point (<see cref="Differential"/>). Only <see cref="QualysXmlException"/> may escape, and <c>Parse</c> and the
/// record streams must agree. Run longer with <c>QUALYSGEN_FUZZ_ITERATIONS</c> and <c>QUALYSGEN_FUZZ_SEED</c> (README, "Tests").
/// </summary>
public sealed class ResponseFuzzTests(ITestOutputHelper output)
{
    private const int DefaultIterations = 1500;
    private const int DefaultSeed = 20261205;

    /// <summary>The seeds cut at every byte: the small documents with records of each stream.</summary>
    private static readonly string[] Truncated =
    [
        "seed003_compliance_schedule_list.xml",
        "seed003_compliance_schedule_delete.simple_return.xml",
        "seed001_delete_scans_by_filter.response.xml",
        "built: SIMPLE_RETURN with 5 items",
    ];

    public static IEnumerable<object[]> TruncatedSeeds => Truncated.Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(TruncatedSeeds))]
    public async Task Every_truncation_agrees(string seedName)
    {
        var seed = SeedDocument.All.Single(s => s.Name == seedName);
        var report = new Report(output);
        for (var cut = 0; cut <= seed.Bytes.Length; cut++)
        {
            report.Add($"{seed.Name} cut at {cut}", seed.Bytes[..cut], await Differential.CheckAsync(seed, seed.Bytes[..cut], cut, cut));
        }

        report.AssertClean();
    }

    [Fact]
    public async Task Truncations_of_a_long_list_agree()
    {
        // About 120 KB: the record stream compacts and refills its buffer, and its reader reads past what is buffered.
        var seed = SeedDocument.All.Single(s => s.Name == "built: compliance list of 150");
        var report = new Report(output);
        for (var cut = 0; cut <= seed.Bytes.Length; cut += 479)
        {
            report.Add($"{seed.Name} cut at {cut}", seed.Bytes[..cut], await Differential.CheckAsync(seed, seed.Bytes[..cut], cut, cut));
        }

        report.AssertClean();
    }

    [Fact]
    public async Task Every_seed_is_valid_and_every_entry_point_agrees_on_it()
    {
        var report = new Report(output);
        foreach (var seed in SeedDocument.All)
        {
            var parsed = Differential.Parse(seed.Target, new System.IO.MemoryStream(seed.Bytes), out _);
            Assert.True(parsed.Failure is null, $"{seed.Name}: {parsed.Failure}");
            report.Add(seed.Name, seed.Bytes, await Differential.CheckAsync(seed, seed.Bytes, seed.Bytes.Length, 1));
        }

        report.AssertClean(includeQuarantined: true);
    }

    [Fact]
    public async Task Mutated_responses_agree()
    {
        var iterations = Setting("QUALYSGEN_FUZZ_ITERATIONS", DefaultIterations);
        var seedValue = Setting("QUALYSGEN_FUZZ_SEED", DefaultSeed);
        output.WriteLine($"QUALYSGEN_FUZZ_SEED={seedValue} QUALYSGEN_FUZZ_ITERATIONS={iterations}");
        var random = new Random(seedValue);
        var report = new Report(output);
        var seeds = SeedDocument.All;
        for (var i = 0; i < iterations; i++)
        {
            var seed = seeds[random.Next(seeds.Count)];
            var (name, input, firstChange) = Mutations.Apply(seed.Bytes, random);
            report.Add($"#{i} {seed.Name}: {name}", input, await Differential.CheckAsync(seed, input, firstChange, random.Next()));
        }

        report.AssertClean();
    }

    private static int Setting(string name, int fallback)
        => int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    /// <summary>Collects disagreements by category; fails on any that is not quarantined (or on all, when strict).</summary>
    internal sealed class Report(ITestOutputHelper output)
    {
        private readonly Dictionary<string, List<string>> _byCategory = new(StringComparer.Ordinal);

        public void Add(string input, byte[] bytes, List<Disagreement> found)
        {
            foreach (var disagreement in found)
            {
                if (!_byCategory.TryGetValue(disagreement.Category, out var list))
                {
                    _byCategory[disagreement.Category] = list = [];
                }

                if (list.Count < 5)
                {
                    list.Add($"{input}: {disagreement.Detail}\n      input: {Show(bytes)}");
                }
                else
                {
                    list.Add("");
                }
            }
        }

        public void AssertClean(bool includeQuarantined = false)
        {
            var failing = new StringBuilder();
            foreach (var (category, cases) in _byCategory.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                var quarantined = !includeQuarantined && !Differential.Strict && Differential.Quarantined.ContainsKey(category);
                var text = $"{category}{(quarantined ? " (quarantined: " + Differential.Quarantined[category] + ")" : "")}: {cases.Count} inputs, e.g.\n    "
                    + string.Join("\n    ", cases.Where(c => c.Length > 0)) + "\n";
                output.WriteLine(text);
                if (!quarantined)
                {
                    failing.Append(text);
                }
            }

            Assert.True(failing.Length == 0, failing.ToString());
        }

        private static string Show(byte[] bytes)
        {
            var text = Encoding.Latin1.GetString(bytes.Length > 400 ? bytes[..400] : bytes);
            var shown = new StringBuilder();
            foreach (var c in text)
            {
                shown.Append(c is >= ' ' and < '\u007f' ? c.ToString() : c == '\n' ? "\\n" : $"\\x{(int)c:x2}");
            }

            return bytes.Length > 400 ? shown + $"… ({bytes.Length} bytes)" : shown.ToString();
        }
    }
}
