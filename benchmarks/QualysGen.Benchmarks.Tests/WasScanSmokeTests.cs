using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using QualysGen.Benchmarks.Inputs;
using QualysGen.Benchmarks.Qualys.WasscanXsd;
using QualysGen.Benchmarks.Verification;

namespace QualysGen.Benchmarks.Tests;

/// <summary>The QPS (wasscan.xsd) input and its check: what the generic smoke test does not see.</summary>
[Collection(SmokeTests.Collection)]
public sealed class WasScanSmokeTests
{
    [Fact]
    public void The_wasscan_input_is_the_same_bytes_on_every_run_and_has_every_element_of_the_schema_none_in_every_record()
    {
        // The same bytes: a second document through a fresh cache (1,000 records: the seed makes every size the same way).
        var create = typeof(WasScanInput).GetMethod("Create", BindingFlags.NonPublic | BindingFlags.Static)!;
        Assert.Equal(WasScanInput.Get(1_000).Xml, ((WasScanInput)create.Invoke(null, [1_000])!).Xml);

        // The shares: on the largest input measured.
        var input = WasScanInput.Get(10_000);
        var records = XDocument.Load(new MemoryStream(input.Xml)).Root!.Element("data")!.Elements("WasScan").ToList();
        Assert.Equal(10_000, records.Count);

        // Every element and attribute declaration of the WasScan subtree of wasscan.xsd, named by its declaring type
        // (WebApp/url, TagList/set, Base64Cdata/@base64, WasScan/summary/os for the anonymous summary type, ...), and how
        // many records use each.
        var schema = new WasScanSchema(FindSpec("wasscan.xsd"));
        var inRecords = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var used = new HashSet<string>(StringComparer.Ordinal);
            schema.Collect(record, used);
            foreach (var declaration in used)
            {
                inRecords[declaration] = inRecords.GetValueOrDefault(declaration) + 1;
            }
        }

        Assert.Empty(schema.Declarations.Except(inRecords.Keys).Order(StringComparer.Ordinal)); // every declaration is used
        Assert.Empty(inRecords.Keys.Except(schema.Declarations).Order(StringComparer.Ordinal)); // and nothing outside the schema
        Assert.Equal(records.Count, inRecords["WasScan/id"]); // search results are paged by id: every record has one
        Assert.Empty(inRecords.Where(p => p.Key != "WasScan/id" && p.Value == records.Count).Select(p => p.Key)); // nothing else is in every record
    }

    [Fact]
    public void The_wasscan_document_is_a_qps_search_page()
    {
        var input = WasScanInput.Get(10);
        var root = XDocument.Load(new MemoryStream(input.Xml)).Root!;
        Assert.Equal("ServiceResponse", root.Name.LocalName);
        Assert.Equal(WasScanInput.SchemaUrl, (string?)root.Attribute(XName.Get("noNamespaceSchemaLocation", "http://www.w3.org/2001/XMLSchema-instance")));
        Assert.Equal("SUCCESS", (string?)root.Element("responseCode"));
        Assert.Equal(10, (int?)root.Element("count"));
        Assert.True((bool?)root.Element("hasMoreRecords"));
        Assert.Equal((long?)root.Element("data")!.Elements("WasScan").Last().Element("id"), (long?)root.Element("lastId"));

        // The generated parser reads it as the schema says.
        var parsed = ServiceResponse.Parse(new MemoryStream(input.Xml));
        Assert.Equal(ResponseCode.Success, parsed.ResponseCode);
        Assert.Equal(10, parsed.Data.Count);
    }

    [Fact]
    public void A_wasscan_parser_that_skips_a_field_fails_the_check()
    {
        var input = WasScanInput.Get(10);
        var parsed = ServiceResponse.Parse(new MemoryStream(input.Xml));
        Assert.Contains(parsed.Data, s => s.Igs is not null); // the field left out below is in this input
        var skipped = parsed.Data.Select(s => new WasScan
        {
            Id = s.Id, Name = s.Name, Reference = s.Reference, Type = s.Type, TypeRaw = s.TypeRaw, Mode = s.Mode, ModeRaw = s.ModeRaw,
            Multi = s.Multi, ProgressiveScanning = s.ProgressiveScanning, WebApp = s.WebApp, Target = s.Target, Profile = s.Profile,
            CancelAfterNHours = s.CancelAfterNHours, CancelTime = s.CancelTime, Options = s.Options, LaunchedDate = s.LaunchedDate,
            LaunchedBy = s.LaunchedBy, Status = s.Status, StatusRaw = s.StatusRaw, ConsolidatedStatus = s.ConsolidatedStatus,
            ConsolidatedStatusRaw = s.ConsolidatedStatusRaw, EndScanDate = s.EndScanDate, ScanDuration = s.ScanDuration, Summary = s.Summary,
            Stats = s.Stats, Vulns = s.Vulns, SensitiveContents = s.SensitiveContents,
            Igs = null, // not read
            SendMail = s.SendMail, SendOneMail = s.SendOneMail, EnableWAFAuth = s.EnableWAFAuth, CancelMode = s.CancelMode, CanceledBy = s.CanceledBy,
        });

        Canonical.AssertSame("expected", Canonical.WasScans(input.Expected.Data!), "complete", Canonical.WasScans(parsed.Data));
        var error = Assert.Throws<InvalidOperationException>(() =>
            Canonical.AssertSame("expected", Canonical.WasScans(input.Expected.Data!), "skipping", Canonical.WasScans(skipped)));
        Assert.Contains("igs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_enumeration_value_is_told_apart_from_a_known_one()
    {
        // The canonical form names the generated enum value as the schema spells it; a parser that maps a known text to the
        // wrong value, or to Unknown, differs from the hand-written side, which derives it from the text.
        var input = WasScanInput.Get(10);
        var text = System.Text.Encoding.UTF8.GetString(input.Xml);
        var changed = text.Replace("<status>FINISHED</status>", "<status>ARCHIVED</status>", StringComparison.Ordinal);
        Assert.NotEqual(text, changed);
        var bytes = System.Text.Encoding.UTF8.GetBytes(changed);
        var generated = ServiceResponse.Parse(new MemoryStream(bytes));
        Assert.Contains(generated.Data, s => s.Status == WasScanStatus.Unknown && s.StatusRaw == "ARCHIVED");
        var handWritten = Alternatives.Baselines.WasScansWithXmlSerializer(new MemoryStream(bytes));
        Canonical.AssertSame("XmlSerializer", Canonical.Of(handWritten), "generated", Canonical.Of(generated));
        Assert.Contains(Canonical.Of(generated), line => line.EndsWith("/status=Unknown,\"ARCHIVED\"", StringComparison.Ordinal));
    }

    /// <summary>The element and attribute declarations below the WasScan type of wasscan.xsd, from the compiled schema.</summary>
    private sealed class WasScanSchema
    {
        private readonly XmlSchemaComplexType _wasScan;
        private readonly Dictionary<XmlSchemaType, Dictionary<string, XmlSchemaElement>> _children = [];

        public WasScanSchema(string path)
        {
            var set = new XmlSchemaSet { XmlResolver = null };
            using (var reader = XmlReader.Create(path))
            {
                set.Add(null, reader);
            }

            set.Compile();
            _wasScan = (XmlSchemaComplexType)set.GlobalTypes[new XmlQualifiedName("WasScan")]!;
            Walk(_wasScan, "WasScan", new HashSet<string>(StringComparer.Ordinal));
        }

        public HashSet<string> Declarations { get; } = new(StringComparer.Ordinal);

        /// <summary>Adds the declarations that <paramref name="record"/> (a WasScan element) uses; an element the schema does not declare as "?path".</summary>
        public void Collect(XElement record, HashSet<string> used) => Collect(record, _wasScan, "WasScan", used);

        private void Collect(XElement element, XmlSchemaType type, string key, HashSet<string> used)
        {
            foreach (var attribute in element.Attributes())
            {
                used.Add(key + "/@" + attribute.Name.LocalName);
            }

            if (!_children.TryGetValue(type, out var children))
            {
                children = type is XmlSchemaComplexType complex
                    ? Elements(complex.ContentTypeParticle).ToDictionary(e => e.QualifiedName.Name, StringComparer.Ordinal)
                    : new Dictionary<string, XmlSchemaElement>(StringComparer.Ordinal);
                _children[type] = children;
            }

            foreach (var child in element.Elements())
            {
                var childKey = key + "/" + child.Name.LocalName;
                if (!children.TryGetValue(child.Name.LocalName, out var declaration))
                {
                    used.Add("?" + childKey);
                    continue;
                }

                used.Add(childKey);
                Collect(child, declaration.ElementSchemaType!, TypeKey(declaration.ElementSchemaType!, childKey), used);
            }
        }

        private void Walk(XmlSchemaType type, string key, HashSet<string> walked)
        {
            if (type is not XmlSchemaComplexType complex || !walked.Add(key))
            {
                return;
            }

            foreach (XmlSchemaAttribute attribute in complex.AttributeUses.Values)
            {
                Declarations.Add(key + "/@" + attribute.QualifiedName.Name);
            }

            foreach (var element in Elements(complex.ContentTypeParticle))
            {
                var elementKey = key + "/" + element.QualifiedName.Name;
                Declarations.Add(elementKey);
                Walk(element.ElementSchemaType!, TypeKey(element.ElementSchemaType!, elementKey), walked);
            }
        }

        /// <summary>A named type by its name; an anonymous one by the declaration that holds it.</summary>
        private static string TypeKey(XmlSchemaType type, string declarationKey) => type.QualifiedName.IsEmpty ? declarationKey : type.QualifiedName.Name;

        private static IEnumerable<XmlSchemaElement> Elements(XmlSchemaParticle? particle) => particle switch
        {
            XmlSchemaElement element => [element],
            XmlSchemaGroupBase group => group.Items.Cast<XmlSchemaParticle>().SelectMany(Elements),
            _ => [],
        };
    }

    private static string FindSpec(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(directory.FullName, "specs", name), Path.Combine(directory.FullName, name) })
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException("specs/" + name + " not found above " + AppContext.BaseDirectory);
    }
}
