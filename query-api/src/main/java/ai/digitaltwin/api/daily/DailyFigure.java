package ai.digitaltwin.api.daily;

/**
 * A twin's figures of one local day, as {@link DailyFigures#days} gives them: the day (ISO date), the
 * instants it starts and ends at, where it came from ({@code rollup} or {@code raw}), then
 * {@link DailyFigures#COLUMNS}.
 */
public record DailyFigure(
    String day,
    String dayStart,
    String dayEnd,
    String source,
    Long readings,
    Double hrMean,
    Double hrMin,
    Double hrMax,
    Double restingHr,
    Double spo2Mean,
    Double systolicMean,
    Double tempMax,
    Long steps,
    Double sleepHours) {}
