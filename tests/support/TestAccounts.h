#pragma once

#include <QString>

namespace consult::testing {

// The password of every advisor account a test creates. One constant, so that a test that needs a
// wrong password says so by using another string, and a leak check (the password must never be
// stored or logged) searches for this one.
inline const QString kTestPassword = QStringLiteral("correct horse battery staple");

} // namespace consult::testing
