using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace QualysGen.Xml;

/// <summary>
/// The items of a list being parsed, gathered in an array the thread keeps for the next list of <typeparamref name="T"/>, and
/// handed to the model as one array of exactly their number (<see cref="ToArray"/>). A <see cref="List{T}"/> grew by doubling:
/// a list of five items left an array of four behind and kept one of eight, plus the list object itself. 10,000 WasScan:
/// its graph 59.1 → 53.0 MB, 62.1 → 59.3 MB allocated a parse (benchmarks README, run AH).
/// <para>
/// A local of the generated readers, used where it is declared and never copied: a copy would share the thread's array. A
/// list whose parse fails before <see cref="ToArray"/> loses its array to the collector; the next list makes one. Bounded:
/// the array kept for a thread holds at most <see cref="MaxKept"/> items, cleared, so it keeps no parsed item alive.
/// </para>
/// Not meant to be used by hand; its shape may change between versions together with the generator.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct XmlItems<T>
{
    /// <summary>The most items the array a thread keeps may hold: a longer list grows its own (a record list on one thread).</summary>
    internal const int MaxKept = 256;

    private const int FirstLength = 8;

    [ThreadStatic]
    private static T[]? t_kept;

    private T[]? _items;
    private int _count;
    private bool _borrowed;   // _items is an array to give back to the thread (GiveBack), not one another reader handed over
    private bool _started;

    /// <summary>Whether the list came at all: an item was added, or a list (even an empty one) was (<see cref="AddRange"/>).</summary>
    public readonly bool Started => _started;

    /// <summary>Adds an item.</summary>
    public void Add(T item)
    {
        _started = true;
        if (_items is null || _count == _items.Length || !_borrowed)
        {
            Grow(_count + 1);
        }

        _items![_count++] = item;
    }

    /// <summary>
    /// Adds a list another reader made (a repeated wrapper element). The first is kept as it is, without a copy, when nothing
    /// else comes.
    /// </summary>
    public void AddRange(T[] items)
    {
        _started = true;
        if (_count == 0 && _items is null)
        {
            _items = items;
            _count = items.Length;
            return;
        }

        if (items.Length == 0)
        {
            return;
        }

        Grow(_count + items.Length);
        items.CopyTo(_items!, _count);
        _count += items.Length;
    }

    /// <summary>
    /// The items, in an array of their number (the one shared empty array when none came), and gives the thread's array back.
    /// Call once, at the end of the list.
    /// </summary>
    public T[] ToArray()
    {
        var items = _items;
        var count = _count;
        _items = null;
        _count = 0;
        if (count == 0)
        {
            GiveBack(items, 0);
            return Array.Empty<T>();
        }

        if (!_borrowed && items!.Length == count)
        {
            return items;
        }

        var result = new T[count];
        Array.Copy(items!, result, count);
        GiveBack(items, count);
        return result;
    }

    /// <summary>Makes room for <paramref name="needed"/> items in an array this list may write to: the thread's, or a larger one.</summary>
    private void Grow(int needed)
    {
        if (_items is null && t_kept is { } kept && kept.Length >= needed)
        {
            t_kept = null;
            _items = kept;
            _borrowed = true;
            return;
        }

        var length = Math.Max(FirstLength, _items is null ? needed : Math.Max(needed, _items.Length * 2));
        var grown = new T[length];
        if (_items is not null)
        {
            Array.Copy(_items, grown, _count);
            GiveBack(_items, _count);
        }

        _items = grown;
        _borrowed = true;
    }

    /// <summary>
    /// Keeps a spent array, its first <paramref name="used"/> items cleared, for the thread's next list: unless it is not this
    /// list's to give (one <see cref="AddRange"/> handed over), too large, or no larger than the one kept.
    /// </summary>
    private void GiveBack(T[]? items, int used)
    {
        if (items is null || !_borrowed)
        {
            return;
        }

        _borrowed = false;
        if (items.Length > MaxKept || (t_kept is { } kept && kept.Length >= items.Length))
        {
            return;
        }

        if (RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            Array.Clear(items, 0, used);
        }

        t_kept = items;
    }
}
