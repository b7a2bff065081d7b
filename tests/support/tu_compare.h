// Test support: field-by-field comparison of TMX props, notes and other attributes (what a round trip must keep).
#ifndef NAZIR_TESTS_SUPPORT_TU_COMPARE_H_
#define NAZIR_TESTS_SUPPORT_TU_COMPARE_H_

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "nazir/model/tu.h"

namespace nazir::testing {

inline void ExpectSameProps(const std::vector<Prop>& a, const std::vector<Prop>& b, const std::string& where) {
  ASSERT_EQ(a.size(), b.size()) << where;
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].type, b[i].type) << where;
    EXPECT_EQ(a[i].value, b[i].value) << where;
    EXPECT_EQ(a[i].lang, b[i].lang) << where;
  }
}

inline void ExpectSameNotes(const std::vector<Note>& a, const std::vector<Note>& b, const std::string& where) {
  ASSERT_EQ(a.size(), b.size()) << where;
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].text, b[i].text) << where;
    EXPECT_EQ(a[i].lang, b[i].lang) << where;
  }
}

// Attributes a TU or tuv carries beyond the modeled ones (creationid, usagecount ...): same names, same
// values, same order.
inline void ExpectSameAttributes(const OtherAttributes& a, const OtherAttributes& b, const std::string& where) {
  EXPECT_EQ(a, b) << where;
}

}  // namespace nazir::testing

#endif  // NAZIR_TESTS_SUPPORT_TU_COMPARE_H_
