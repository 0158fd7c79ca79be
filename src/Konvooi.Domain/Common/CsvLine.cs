using System.Text;

namespace Konvooi.Domain.Common;

/// <summary>The small CSV line reader of the tables uploaded through forms (wijk list, figure and population tables).</summary>
internal static class CsvLine
{
    /// <summary>Splits one line on the delimiter; a field in double quotes may hold the delimiter ("" is a quote). Null for an open quote.</summary>
    public static List<string>? Split(string line, char delimiter)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"' && current.ToString().Trim().Length == 0)
            {
                current.Clear();
                quoted = true;
            }
            else if (c == delimiter)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        if (quoted)
        {
            return null;
        }

        fields.Add(current.ToString());
        return fields;
    }

    /// <summary>A value as quoted in a problem message: at most 20 characters.</summary>
    public static string Shorten(string value) => value.Length > 20 ? value[..20] + "…" : value;
}
