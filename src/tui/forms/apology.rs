//! Form 04: the apology letter with a new date, moved by working day.

use chrono::NaiveDate;

use motcua_core::calendar::WorkCalendar;
use motcua_core::session::Action;

use super::super::msg::Msg;
use super::Outcome;

#[derive(Debug, Clone)]
pub struct Apology {
    pub dossier: String,
    pub due: Option<NaiveDate>,
    pub new_date: NaiveDate,
    calendar: WorkCalendar,
}

impl Apology {
    /// Proposes the first working day after the due date.
    pub fn new(
        dossier: &str,
        due: Option<NaiveDate>,
        today: NaiveDate,
        calendar: &WorkCalendar,
    ) -> Apology {
        let base = due.unwrap_or(today).max(today);
        Apology {
            dossier: dossier.to_string(),
            due,
            new_date: calendar.next_working_day(base),
            calendar: calendar.clone(),
        }
    }

    pub fn update(&mut self, msg: &Msg) -> Outcome {
        match msg {
            Msg::Right | Msg::Up => self.new_date = self.calendar.next_working_day(self.new_date),
            Msg::Left | Msg::Down => {
                let mut d = self.new_date;
                while let Some(prev) = d.pred_opt() {
                    d = prev;
                    if self.calendar.is_working_day(d) {
                        break;
                    }
                }
                self.new_date = d;
            }
            Msg::Back => return Outcome::Cancel,
            Msg::Enter => {
                return Outcome::Submit(Action::Apologize {
                    dossier: self.dossier.clone(),
                    new_date: self.new_date,
                });
            }
            _ => {}
        }
        Outcome::Stay
    }
}
