using System.Collections;
using System.Text;

namespace BigDL.Tensors;

/// <summary>
/// An ordered list of activities (tensors or nested tables): the input and output of multi-input and
/// multi-output modules such as <c>ConcatTable</c>, <c>JoinTable</c> or <c>CAddTable</c>.
/// </summary>
/// <remarks>
/// BigDL's <c>Table</c> (Torch's Lua table) restricted to what modules exchange: a dense, 0-based sequence.
/// Setting the element at <see cref="Count"/> appends; the table grows, it never has holes.
/// </remarks>
public sealed class Table : IActivity, IReadOnlyList<IActivity>
{
    private readonly List<IActivity> _items;

    /// <summary>Creates a table holding <paramref name="items"/> in order (none: an empty table).</summary>
    public Table(params IActivity[] items)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items) ArgumentNullException.ThrowIfNull(item, nameof(items));
        _items = [.. items];
    }

    /// <summary>Number of elements.</summary>
    public int Count => _items.Count;

    /// <summary>The element at 0-based <paramref name="index"/>; setting at <see cref="Count"/> appends.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside [0, Count) (or [0, Count] when setting).</exception>
    public IActivity this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_items.Count)
                throw new ArgumentOutOfRangeException(nameof(index), index, $"table has {_items.Count} elements; indices are 0-based");
            return _items[index];
        }
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            if (index == _items.Count) _items.Add(value);
            else if ((uint)index < (uint)_items.Count) _items[index] = value;
            else throw new ArgumentOutOfRangeException(nameof(index), index, $"table has {_items.Count} elements; set an index in [0, {_items.Count}]");
        }
    }

    /// <summary>The element at <paramref name="index"/> as a <typeparamref name="TActivity"/>.</summary>
    /// <exception cref="ArgumentException">The element is of another kind.</exception>
    public TActivity Get<TActivity>(int index) where TActivity : class, IActivity
    {
        var item = this[index];
        return item as TActivity
            ?? throw new ArgumentException($"table element {index} is {Activity.Describe(item)}, not {Activity.Describe(typeof(TActivity))}", nameof(index));
    }

    /// <summary>Appends <paramref name="item"/> and returns this table.</summary>
    public Table Insert(IActivity item)
    {
        ArgumentNullException.ThrowIfNull(item);
        _items.Add(item);
        return this;
    }

    /// <summary>Keeps the first <paramref name="count"/> elements.</summary>
    public Table Truncate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count < _items.Count) _items.RemoveRange(count, _items.Count - count);
        return this;
    }

    /// <summary>Removes every element.</summary>
    public Table Clear()
    {
        _items.Clear();
        return this;
    }

    /// <inheritdoc/>
    public IEnumerator<IActivity> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The elements, one per line, as <c>{ 0: …, 1: … }</c>.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("{\n");
        for (int i = 0; i < _items.Count; i++)
            text.Append('\t').Append(i).Append(": ").Append(_items[i].ToString()?.Replace("\n", "\n\t", StringComparison.Ordinal)).Append('\n');
        return text.Append('}').ToString();
    }
}
