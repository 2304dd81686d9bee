// python/src/convert_temporal.cpp — the temporal Value kinds and Python's datetime module.
//
// Today pactgraph stores one temporal kind, the calendar date (Value::Type::kDate), which is
// datetime.date both ways. datetime.datetime, datetime.time and datetime.timedelta are
// refused by name until the store has their kinds; when it does (datetime / localdatetime /
// time / localtime / duration), their conversions go here: ToPython's switch (convert.cpp)
// calls a XToPython function of this file, and TemporalFromPython's checks below turn the
// refusals into conversions (aware datetime -> datetime, naive -> localdatetime, and the same
// for time; timedelta -> duration).
//
// The datetime C API (datetime.h) keeps its function table in a static of each translation
// unit, so every use of it lives in this file.
#include "python/src/native.h"
// After Python.h (pulled in by pybind11), which datetime.h needs first.
#include <datetime.h>

namespace pactgraph::python {

void InitTemporal() {
  PyDateTime_IMPORT;
  if (PyDateTimeAPI == nullptr) throw py::error_already_set();
}

py::object DateToPython(Date date) {
  int year = 0;
  unsigned month = 0, day = 0;
  date.ToYmd(&year, &month, &day);
  if (year < 1 || year > 9999) {
    PyErr_SetString(
        PyExc_OverflowError,
        ("date " + date.ToString() + " is outside the range of datetime.date (years 1 to 9999)")
            .c_str());
    throw py::error_already_set();
  }
  PyObject* o = PyDate_FromDate(year, static_cast<int>(month), static_cast<int>(day));
  if (o == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::object>(o);
}

bool TemporalFromPython(py::handle object, const std::string& where, Value* out) {
  PyObject* o = object.ptr();
  // datetime.datetime is a subclass of datetime.date: test it first.
  if (PyDateTime_Check(o)) {
    ThrowInput(where +
               ": datetime.datetime values are not stored yet (pactgraph has calendar dates); "
               "pass .date() for the day");
  }
  if (PyDate_Check(o)) {
    *out = Value(
        Date::FromYmd(PyDateTime_GET_YEAR(o), PyDateTime_GET_MONTH(o), PyDateTime_GET_DAY(o)));
    return true;
  }
  if (PyTime_Check(o)) {
    ThrowInput(where + ": datetime.time values are not stored yet (pactgraph has calendar dates)");
  }
  if (PyDelta_Check(o)) {
    ThrowInput(where + ": datetime.timedelta values are not stored yet (no duration kind)");
  }
  return false;
}

}  // namespace pactgraph::python
