using System;
using System.ComponentModel;

namespace QualysGen.Xml;

/// <summary>
/// One <typeparamref name="T"/> per thread, kept between parses so that the next parse on the thread reuses it, and kept
/// weakly: a collection that finds nothing else holding it lets it go. For the generated parser names and the parse context,
/// which grow with what a response holds: the reader adds every name it meets to the names' table, and the context keeps the
/// room of its drift counts. A response of names the schema does not know (300,000 invented element names, 2.9 MB) kept 28 MB
/// alive in the table and 14 MB in the drift counts after its parse had returned, for as long as the thread lived. Now until
/// the next collection of their generation, at most; the next parse after it makes them anew (a few microseconds). Taken
/// exclusively: a parse that is never finished (an enumeration left open) only keeps its own. Not meant to be used by hand;
/// its shape may change between versions together with the generator.
/// </summary>
/// <typeparam name="T">What is cached.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class XmlThreadCache<T>
    where T : class
{
    [ThreadStatic]
    private static WeakReference<T?>? t_cached;

    /// <summary>Takes this thread's instance, or null if there is none (never kept, taken, or collected).</summary>
    public static T? Take()
    {
        if (t_cached is { } cached && cached.TryGetTarget(out var value))
        {
            cached.SetTarget(null);
            return value;
        }

        return null;
    }

    /// <summary>Keeps <paramref name="value"/> for this thread's next <see cref="Take"/>.</summary>
    public static void Keep(T value)
    {
        if (t_cached is { } cached)
        {
            cached.SetTarget(value);
        }
        else
        {
            t_cached = new WeakReference<T?>(value);
        }
    }
}
