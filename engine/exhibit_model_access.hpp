// The engine's own view inside an ExhibitModel (engine files only; ui/ never sees this).
#pragma once

#include "exhibit_model.hpp"
#include "leontief.hpp"
#include "model.hpp"

namespace ctrail {

struct ExhibitModelAccess {
    static const Model& model(const ExhibitModel& m);
    static const Leontief& leontief(const ExhibitModel& m);
    // Whether its tables are read (by open(), or since by load()); model() and leontief()
    // read them.
    static bool tables_read(const ExhibitModel& m);
};

} // namespace ctrail
