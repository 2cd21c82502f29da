namespace Dispatch.Domain.Calendar;

/// <summary>A holiday calendar file that cannot be read; the message names the offending entry.</summary>
public sealed class HolidayCalendarFormatException : FormatException
{
    public HolidayCalendarFormatException()
    {
    }

    public HolidayCalendarFormatException(string message)
        : base(message)
    {
    }

    public HolidayCalendarFormatException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public HolidayCalendarFormatException(string message, string? entry, Exception? innerException)
        : base(message, innerException)
    {
        Entry = entry;
    }

    /// <summary>The JSON text of the offending entry, when one entry is to blame.</summary>
    public string? Entry { get; }
}
