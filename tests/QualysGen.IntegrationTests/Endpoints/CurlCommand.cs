using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace QualysGen.IntegrationTests.Endpoints;

/// <summary>
/// A curl command from the seed documentation, read like a shell would: the method (<c>-X</c>/<c>--request</c>, else POST when data
/// is given), the URL's path and query, the data parameters (<c>-d</c>/<c>--data</c>, or a bare <c>a=b&amp;c=d</c> argument as some
/// samples write it), and the credentials it sends.
/// </summary>
internal sealed record CurlCommand(string? Method, string Path, IReadOnlyList<KeyValuePair<string, string>> Parameters, bool HasBody, string? Auth)
{
    public static CurlCommand Parse(string command)
    {
        var words = Words(command);
        string? method = null, url = null, auth = null;
        var parameters = new List<KeyValuePair<string, string>>();
        var hasBody = false;
        for (var i = 1; i < words.Count; i++)
        {
            var word = words[i];
            switch (word)
            {
                case "-X" or "--request":
                    method = words[++i].ToUpperInvariant();
                    break;
                case "-d" or "--data" or "--data-binary":
                    var data = words[++i];
                    hasBody = true;
                    if (!data.StartsWith('@') && !data.StartsWith('<'))
                    {
                        parameters.AddRange(FormPairs(data));
                    }

                    break;
                case "-u":
                    i++;
                    auth = "Basic";
                    break;
                case "-b":
                    auth = words[++i].StartsWith("QualysSession=", StringComparison.Ordinal) ? "Session" : auth;
                    break;
                case "-H" or "--header":
                    var header = words[++i];
                    if (header.StartsWith("Authorization:", StringComparison.OrdinalIgnoreCase))
                    {
                        auth = header.Contains("Bearer", StringComparison.Ordinal) ? "Bearer" : "Basic";
                    }

                    break;
                case "--location":
                    break;
                default:
                    if (word.Contains("://", StringComparison.Ordinal) || word.StartsWith("<qualys_base_url>", StringComparison.Ordinal))
                    {
                        url = word;
                    }
                    else if (word.Contains('=', StringComparison.Ordinal))
                    {
                        // Some samples give the form data as a bare argument (no -d); the intent is plain.
                        hasBody = true;
                        parameters.AddRange(FormPairs(word));
                    }

                    break;
            }
        }

        if (url is null)
        {
            throw new FormatException("No URL in: " + command);
        }

        var pathAndQuery = url.Replace("<qualys_base_url>", "", StringComparison.Ordinal);
        var schemeEnd = pathAndQuery.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd >= 0)
        {
            pathAndQuery = pathAndQuery.Substring(pathAndQuery.IndexOf('/', schemeEnd + 3));
        }

        var question = pathAndQuery.IndexOf('?');
        var path = question < 0 ? pathAndQuery : pathAndQuery.Substring(0, question);
        if (question >= 0)
        {
            parameters.InsertRange(0, FormPairs(pathAndQuery.Substring(question + 1)));
        }

        return new CurlCommand(method ?? (hasBody ? "POST" : null), path, parameters, hasBody, auth);
    }

    /// <summary><c>a=1&amp;b=x+y</c> (the cancel v2 sample separates with <c>;</c>) → pairs, URL-decoded.</summary>
    private static IEnumerable<KeyValuePair<string, string>> FormPairs(string data)
        => data.Split('&', ';')
            .Where(p => p.Length > 0)
            .Select(p =>
            {
                var equals = p.IndexOf('=');
                return new KeyValuePair<string, string>(Decode(p.Substring(0, equals)), Decode(p.Substring(equals + 1)));
            });

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    /// <summary>Splits a command into words: whitespace separates, single and double quotes group, a backslash before a line end joins.</summary>
    private static List<string> Words(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char quote = '\0';
        foreach (var c in command.Replace("\\\n", " ", StringComparison.Ordinal))
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
