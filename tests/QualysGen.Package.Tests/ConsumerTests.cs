using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using QualysGen.Package.Tests.Infrastructure;

namespace QualysGen.Package.Tests;

/// <summary>
/// A user's project, outside this repository, with one PackageReference to the packed QualysGen: it builds, runs, picks up
/// a schema dropped in later with no other change, and shows a broken spec as a located compiler error.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ConsumerTests(PackageFeed feed)
{
    private const string KnowledgeBaseProgram = """
        using Acme.Qualys.KnowledgeBase;
        using Acme.Qualys.SimpleReturnDtd;
        using QualysGen.Requests;

        await using (var response = File.OpenRead(args[0]))
        {
            var result = await SimpleReturn.ParseAsync(response);
            var item = result.Response.Items.Single();
            Console.WriteLine($"parsed: {result.Response.Text} ({item.Key}={item.Values.Single()})");
        }

        var request = new EditVulnerabilityRequest { Qid = 150198, Severity = 4 }.Build();
        Console.WriteLine($"request: {request.Method} {request.PathAndQuery}");
        foreach (var (name, value) in request.Form)
        {
            Console.WriteLine($"form: {name}={value}");
        }

        try
        {
            _ = new EditVulnerabilityRequest { Qid = 150198 }.Build();
        }
        catch (QualysParameterException exception)
        {
            Console.WriteLine($"refused before sending: {exception.GetType().Name}");
        }

        if (args.Length > 1)
        {
            ComplianceReport.Print(args[1]);
        }

        internal static partial class ComplianceReport
        {
            public static partial void Print(string path);
        }
        """;

    private const string NoComplianceReport = """
        internal static partial class ComplianceReport
        {
            public static partial void Print(string path) => throw new NotSupportedException("no compliance schema yet");
        }
        """;

    private const string ComplianceReport = """
        using Acme.Qualys.ComplianceScheduleScanListOutputDtd;

        internal static partial class ComplianceReport
        {
            public static partial void Print(string path)
            {
                using var response = File.OpenRead(path);
                var list = ComplianceScheduleScanListOutput.Parse(response);
                foreach (var scan in list.Response.Scans)
                {
                    Console.WriteLine($"scan: {scan.Id} {scan.Title?.Trim()} {scan.Schedule.Choice}");
                }
            }
        }
        """;

    [Fact]
    public void Consumer_builds_and_runs_then_a_new_dtd_gives_a_new_parser_and_a_broken_spec_is_a_located_error()
    {
        var consumer = ConsumerProject.Create(
            feed,
            "consumer",
            properties: """
                <QualysGenNamespace>Acme.Qualys</QualysGenNamespace>
                <QualysGenVisibility>internal</QualysGenVisibility>

            """);
        consumer.CopyFromRepository("specs/simple_return.dtd", "qualys/simple_return.dtd");
        consumer.CopyFromRepository("specs/knowledge_base.endpoints.json", "qualys/knowledge_base.endpoints.json");
        consumer.Write("Program.cs", KnowledgeBaseProgram);
        consumer.Write("ComplianceReport.cs", NoComplianceReport);
        var kbSample = Repository.PathOf("tests/QualysGen.IntegrationTests/Samples/fo/seed003_kb_vuln_edit.simple_return.xml");
        var complianceSample = Repository.PathOf("tests/QualysGen.IntegrationTests/Samples/fo/seed003_compliance_schedule_list.xml");

        // 1. Two specs by convention (qualys/*.dtd, qualys/*.endpoints.json): a parser and a request builder.
        consumer.BuildOk();
        var run = consumer.RunOk(kbSample);
        AssertPrinted(run, "parsed: Custom Vuln Data has been updated successfully (qid=150198)");
        AssertPrinted(run, "request: POST /api/2.0/fo/knowledge_base/vuln/?action=edit");
        AssertPrinted(run, "form: qid=150198");
        AssertPrinted(run, "form: severity=4");
        AssertPrinted(run, "refused before sending: QualysParameterException");
        var assembly = consumer.PathOf("bin/Debug/net10.0/Consumer.dll");
        Assert.Equal(TypeAttributes.NotPublic, VisibilityOf(assembly, "Acme.Qualys.SimpleReturnDtd", "SimpleReturn"));
        Assert.Null(VisibilityOf(assembly, "Acme.Qualys.ComplianceScheduleScanListOutputDtd", "ComplianceScheduleScanListOutput"));

        // 2. A new DTD dropped in, nothing else changed: the rebuild has its parser.
        var projectFile = File.ReadAllText(consumer.ProjectFile);
        consumer.CopyFromRepository("specs/compliance_schedule_scan_list_output.dtd", "qualys/compliance_schedule_scan_list_output.dtd");
        consumer.BuildOk();
        Assert.Equal(projectFile, File.ReadAllText(consumer.ProjectFile));
        Assert.Equal(TypeAttributes.NotPublic, VisibilityOf(assembly, "Acme.Qualys.ComplianceScheduleScanListOutputDtd", "ComplianceScheduleScanListOutput"));

        // ... and code that calls it compiles and runs.
        consumer.Write("ComplianceReport.cs", ComplianceReport);
        consumer.BuildOk();
        run = consumer.RunOk(kbSample, complianceSample);
        AssertPrinted(run, "parsed: Custom Vuln Data has been updated successfully (qid=150198)");
        AssertPrinted(run, "scan: 57363 My Scan Schedule api6 Daily");

        // 3. Broken inputs: compiler errors at the file, line and column, in the format editors and CI logs link.
        var brokenDtd = consumer.Write("qualys/broken.dtd", """
            <!-- A DTD with a mistake on line 3: the content model of ITEM is not closed. -->
            <!ELEMENT BROKEN (ITEM+)>
            <!ELEMENT ITEM (#PCDATA>

            """);
        var brokenSpec = consumer.Write("qualys/broken.endpoints.json", """
            {
              "schemas": {
                "simple_return.dtd": { "types": { "CODE": "integer" } }
              }
            }

            """);
        var build = consumer.Build();
        Assert.True(build.ExitCode != 0, build.Describe());
        AssertPrinted(build, $"{brokenDtd}(3,24): error QG0001: Expected '|' or ')' after '#PCDATA' in the content model of 'ITEM' but found '>'");
        AssertPrinted(build, $"{brokenSpec}(3,47): error QG0204: 'integer' is not a known type");
    }

    private static void AssertPrinted(CommandResult result, string expected)
        => Assert.True(result.Output.Contains(expected, StringComparison.Ordinal), $"Expected in the output: {expected}\n{result.Describe()}");

    /// <summary>The visibility of a type in a built assembly, or null if it has no such type.</summary>
    private static TypeAttributes? VisibilityOf(string assemblyPath, string ns, string name)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            if (metadata.StringComparer.Equals(type.Namespace, ns) && metadata.StringComparer.Equals(type.Name, name))
            {
                return type.Attributes & TypeAttributes.VisibilityMask;
            }
        }

        return null;
    }
}
