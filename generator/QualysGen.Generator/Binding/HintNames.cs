using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using QualysGen.Generator.Model;

namespace QualysGen.Generator.Binding;

/// <summary>
/// Picks the hint name stem of each input file's generated sources. A file whose name no other input shares keeps its name
/// (<c>simple_return.dtd</c>), whatever else is in the project; files that share a name get, in front of it, the nearest folders
/// that tell them apart (<c>a/simple_return.dtd</c> and <c>b/simple_return.dtd</c> become <c>a.simple_return.dtd</c> and
/// <c>b.simple_return.dtd</c>). Only those folders, never the whole path, so that the names do not depend on where the project
/// is; and the paths are sorted first, so that they do not depend on the order the compiler lists the files in.
/// </summary>
internal static class HintNames
{
    private static readonly char[] Separators = ['/', '\\'];

    /// <summary>The hint name stem of every path, in ordinal order of the paths.</summary>
    public static EquatableArray<HintNameSpec> Assign(IEnumerable<string> paths)
    {
        var sorted = paths.Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).ToList();

        // The compiler compares hint names ignoring case, so two names that differ in case alone collide too.
        var groups = sorted.GroupBy(p => Sanitize(FileName(p)), StringComparer.OrdinalIgnoreCase).ToList();
        var taken = new HashSet<string>(groups.Where(g => g.Count() == 1).Select(g => g.Key), StringComparer.OrdinalIgnoreCase);
        var hints = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var members = group.ToList();
            if (members.Count == 1)
            {
                hints.Add(members[0], group.Key);
                continue;
            }

            var names = ShortNames(members, name => Sanitize(name.Replace('/', '.')), StringComparer.OrdinalIgnoreCase);
            foreach (var path in members)
            {
                var stem = Sanitize(names[path].Replace('/', '.'));
                var hint = stem;
                for (var n = 2; !taken.Add(hint); n++)
                {
                    // Names no folder tells apart (they differ in case alone, in one folder), or a folder-prefixed name that
                    // another file has as its own name.
                    hint = stem + "." + n.ToString(CultureInfo.InvariantCulture);
                }

                hints.Add(path, hint);
            }
        }

        return sorted.Select(p => new HintNameSpec(p, hints[p])).ToEquatableArray();
    }

    /// <summary>The stem assigned to <paramref name="filePath"/>, or the file name made safe when it has none.</summary>
    public static string Of(EquatableArray<HintNameSpec> hintNames, string filePath, string fileName)
    {
        foreach (var hint in hintNames)
        {
            if (string.Equals(hint.FilePath, filePath, StringComparison.Ordinal))
            {
                return hint.HintName;
            }
        }

        return Sanitize(fileName);
    }

    /// <summary>
    /// For messages: each path as its file name with the fewest trailing folders that tell the paths apart
    /// (<c>/src/app/a/x.dtd</c>, <c>/src/app/b/x.dtd</c> → <c>a/x.dtd</c>, <c>b/x.dtd</c>).
    /// </summary>
    public static IReadOnlyDictionary<string, string> DisplayNames(IReadOnlyList<string> paths)
        => ShortNames(paths.Distinct(StringComparer.Ordinal).ToList(), name => name, StringComparer.Ordinal);

    /// <summary>Letters, digits, <c>.</c>, <c>_</c> and <c>-</c> are kept; anything else becomes <c>_</c>.</summary>
    public static string Sanitize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_');
        }

        return builder.ToString();
    }

    /// <summary>The file name as the readers take it (so that a unique file keeps exactly the hint name it always had).</summary>
    private static string FileName(string path)
    {
        try
        {
            return Path.GetFileName(path) ?? string.Empty;
        }
        catch (ArgumentException)
        {
            return path.Substring(path.LastIndexOfAny(Separators) + 1);
        }
    }

    /// <summary>
    /// Each path as <c>folder/…/file</c> with the same, smallest number of trailing folders for all, such that no two are equal
    /// by <paramref name="comparer"/> once passed through <paramref name="key"/>. When no number of folders tells them all apart
    /// (names that differ in case alone, in one folder), the smallest number that tells the most apart: more folders would only
    /// bring in the parts of the path above the project.
    /// </summary>
    private static Dictionary<string, string> ShortNames(IReadOnlyList<string> paths, Func<string, string> key, StringComparer comparer)
    {
        var parts = paths.ToDictionary(p => p, p => (Folders: Folders(p), Name: FileName(p)), StringComparer.Ordinal);
        var depth = parts.Values.Select(p => p.Folders.Length).DefaultIfEmpty(0).Max();
        Dictionary<string, string>? best = null;
        var bestDistinct = 0;
        for (var count = 0; count <= depth; count++)
        {
            var names = parts.ToDictionary(p => p.Key, p => Join(p.Value.Folders, count, p.Value.Name), StringComparer.Ordinal);
            var distinct = names.Values.Select(key).Distinct(comparer).Count();
            if (distinct > bestDistinct)
            {
                (best, bestDistinct) = (names, distinct);
            }

            if (distinct == names.Count)
            {
                break;
            }
        }

        return best ?? new Dictionary<string, string>(StringComparer.Ordinal);
    }

    private static string[] Folders(string path)
    {
        var name = FileName(path);
        var folder = path.Length >= name.Length ? path.Substring(0, path.Length - name.Length) : string.Empty;
        return folder.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
    }

    private static string Join(string[] folders, int count, string fileName)
    {
        var take = Math.Min(count, folders.Length);
        return take == 0 ? fileName : string.Join("/", folders.Skip(folders.Length - take)) + "/" + fileName;
    }
}
