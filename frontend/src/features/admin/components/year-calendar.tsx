import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { monthWeeks, type Marks } from '@/features/admin/lib/work-calendar';

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

/** A year as twelve month grids (Monday first): holidays, make-up working days and weekends marked. */
export function YearCalendar({ year, marks }: { year: number; marks: Marks }) {
  const { t } = useTranslation();
  const weekdays = t('workCalendar.weekdays').split(',');
  return (
    <div className="year-calendar" data-testid="year-calendar" data-year={year}>
      {MONTHS.map((month) => (
        <div key={month} className="year-calendar__month">
          <div className="year-calendar__title">{t('workCalendar.month', { month })}</div>
          <table className="year-calendar__grid">
            <thead>
              <tr>
                {weekdays.map((day) => (
                  <th key={day}>{day}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {monthWeeks(year, month, marks).map((week, index) => (
                <tr key={index}>
                  {week.map((day, column) =>
                    day ? (
                      <td key={day.date} className={`year-calendar__day year-calendar__day--${day.kind}`} data-date={day.date} data-kind={day.kind}>
                        {day.kind === 'holiday' || day.kind === 'workday' ? (
                          <Tooltip title={day.kind === 'holiday' ? day.holiday : t('workCalendar.makeUpDay')}>
                            <span>{day.day}</span>
                          </Tooltip>
                        ) : (
                          day.day
                        )}
                      </td>
                    ) : (
                      <td key={`pad-${column}`} />
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
