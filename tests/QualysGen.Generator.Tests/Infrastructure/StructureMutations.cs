using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace QualysGen.Generator.Tests.Infrastructure;

/// <summary>
/// Seeded random edits of an XSD or spec JSON file that keep it well-formed, so that a mutation gets past the XML or JSON
/// parser to the schema compiler, the spec reader and the emitters (text edits almost never do: most end as a syntax error).
/// </summary>
internal static class StructureMutations
{
    /// <summary>Values that matter to names, types and occurrence bounds: empty, C# keywords, generated member names, digits first.</summary>
    private static readonly string[] Values =
    [
        "", " ", "x y", "class", "1abc", "\u00e9t\u00e9", "Parse", "Value", "Raw", "a-b", "A", "_", new string('n', 600), "xs:string",
        "xs:int", "xs:dateTime", "xs:boolean", "xs:long", "unbounded", "0", "1", "2", "-1",
    ];

    private static readonly string[] XsdAttributes = ["minOccurs", "maxOccurs", "name", "type", "ref", "use", "default", "fixed", "base", "value"];

    /// <summary>One or two edits of an XML document: an element removed, repeated, or moved; an attribute given another's value, a new value, or removed.</summary>
    public static string MutateXml(string source, Random random)
    {
        var document = XDocument.Parse(source);
        var edits = random.Next(1, 3);
        for (var i = 0; i < edits; i++)
        {
            var elements = document.Descendants().ToList();
            var attributes = elements.SelectMany(e => e.Attributes()).Where(a => !a.IsNamespaceDeclaration).ToList();
            var element = elements[random.Next(elements.Count)];
            var attribute = attributes.Count == 0 ? null : attributes[random.Next(attributes.Count)];
            switch (random.Next(7))
            {
                case 0 when element.Parent is not null:
                    element.Remove();
                    break;
                case 1 when element.Parent is not null:
                    element.AddAfterSelf(new XElement(element));
                    break;
                case 2 when attribute is not null:
                    var same = attributes.Where(a => a.Name == attribute.Name).ToList();
                    attribute.Value = same[random.Next(same.Count)].Value;
                    break;
                case 3 when attribute is not null:
                    attribute.Value = Values[random.Next(Values.Length)];
                    break;
                case 4 when attribute is not null:
                    attribute.Remove();
                    break;
                case 5:
                    var target = elements[random.Next(elements.Count)];
                    if (element.Parent is not null && !target.AncestorsAndSelf().Contains(element))
                    {
                        element.Remove();
                        target.Add(element);
                    }

                    break;
                default:
                    element.SetAttributeValue(XsdAttributes[random.Next(XsdAttributes.Length)], Values[random.Next(Values.Length)]);
                    break;
            }
        }

        return document.Declaration + document.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>One to three edits of a JSON document: a member removed, repeated, renamed to another member's name, or replaced by another node, a string or a number.</summary>
    public static string MutateJson(string source, Random random)
    {
        var root = JsonNode.Parse(source, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!;
        var edits = random.Next(1, 4);
        for (var i = 0; i < edits; i++)
        {
            var nodes = new List<JsonNode>();
            Collect(root, nodes);
            var node = nodes[random.Next(nodes.Count)];
            switch (node.Parent, random.Next(6))
            {
                case (JsonObject parent, 0):
                    parent.Remove(node.GetPropertyName());
                    break;
                case (JsonArray parent, 0):
                    parent.Remove(node);
                    break;
                case (JsonArray parent, 1):
                    parent.Add(node.DeepClone());
                    break;
                case (JsonObject parent, 1):
                    parent[node.GetPropertyName() + "2"] = node.DeepClone();
                    break;
                case (not null, 2):
                    var other = nodes[random.Next(nodes.Count)];
                    if (!Contains(other, node))
                    {
                        Replace(node, other.DeepClone());
                    }

                    break;
                case (not null, 3):
                    Replace(node, JsonValue.Create(Values[random.Next(Values.Length)]));
                    break;
                case (not null, 4):
                    Replace(node, JsonValue.Create(new[] { -1, 0, 1, 2, int.MaxValue }[random.Next(5)]));
                    break;
                case (JsonObject parent, _):
                    var names = nodes.Where(n => n.Parent is JsonObject).Select(n => n.GetPropertyName()).Distinct().ToList();
                    var name = names[random.Next(names.Count)];
                    if (!parent.ContainsKey(name))
                    {
                        parent.Remove(node.GetPropertyName());
                        parent[name] = node;
                    }

                    break;
            }
        }

        return root.ToJsonString();
    }

    private static bool Contains(JsonNode node, JsonNode ancestor)
    {
        for (var at = node; at is not null; at = at.Parent)
        {
            if (ReferenceEquals(at, ancestor))
            {
                return true;
            }
        }

        return false;
    }

    private static void Replace(JsonNode node, JsonNode? with)
    {
        switch (node.Parent)
        {
            case JsonObject parent:
                parent[node.GetPropertyName()] = with;
                break;
            case JsonArray parent:
                parent[parent.IndexOf(node)] = with;
                break;
        }
    }

    private static void Collect(JsonNode? node, List<JsonNode> into)
    {
        if (node is null)
        {
            return;
        }

        into.Add(node);
        switch (node)
        {
            case JsonObject members:
                foreach (var member in members)
                {
                    Collect(member.Value, into);
                }

                break;
            case JsonArray items:
                foreach (var item in items)
                {
                    Collect(item, into);
                }

                break;
        }
    }
}
