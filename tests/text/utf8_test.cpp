#include "nazir/text/utf8.h"

#include <string>

#include <gtest/gtest.h>

namespace nazir::text {
namespace {

const std::string kData = std::string(NAZIR_TEST_DATA_DIR) + "/text/";

TEST(ParseEncoding, AcceptsTheDocumentedNamesInAnyCase) {
  struct Case {
    const char* name;
    std::optional<Encoding> want;
  };
  const Case cases[] = {
      {"utf-8", Encoding::kUtf8},          {"UTF8", Encoding::kUtf8},
      {"windows-1256", Encoding::kWindows1256}, {"CP1256", Encoding::kWindows1256},
      {"iso-8859-6", Encoding::kIso8859_6},  {"ISO-8859-6", Encoding::kIso8859_6},
      {"latin1", std::nullopt},              {"", std::nullopt},
  };
  for (const Case& c : cases) EXPECT_EQ(ParseEncoding(c.name), c.want) << c.name;
}

TEST(ValidateUtf8, AcceptsArabicEnglishAndAstralText) {
  EXPECT_TRUE(ValidateUtf8("الولايات المتحدة تجدد التزامها", "t").ok());
  EXPECT_TRUE(ValidateUtf8("U.S. President George W. Bush 😀", "t").ok());
}

TEST(ValidateUtf8, RejectsMalformedSequencesNamingLineAndByte) {
  struct Case {
    std::string bytes;
    const char* where;  // expected "name:line: ... at byte N"
    const char* at;
  };
  const Case cases[] = {
      {"abc\xC3(", "t.txt:1:", "at byte 3 (0xC3 0x28)"},                   // truncated 2-byte
      {"a\nb\nc\x80", "t.txt:3:", "at byte 5"},                           // stray continuation
      {"\xC0\xAF", "t.txt:1:", "at byte 0"},                              // overlong '/'
      {"x\r\n\xED\xA0\x80", "t.txt:2:", "at byte 3"},                     // UTF-16 surrogate
      {"x\ry\xF4\x90\x80\x80", "t.txt:2:", "at byte 3"},                  // past U+10FFFF
      {"قال\xE2\x82", "t.txt:1:", "at byte 6"},                           // truncated at the end
  };
  for (const Case& c : cases) {
    const Status s = ValidateUtf8(c.bytes, "t.txt");
    ASSERT_FALSE(s.ok()) << c.at;
    EXPECT_EQ(s.code(), StatusCode::kInvalidInput);
    EXPECT_EQ(s.message().rfind(c.where, 0), 0u) << s.message();
    EXPECT_NE(s.message().find(c.at), std::string::npos) << s.message();
  }
}

TEST(DecodeText, DropsTheBomAndKeepsLineEnds) {
  auto text = DecodeText("\xEF\xBB\xBFالأخبار\r\nليبيا\r", Encoding::kUtf8, "t");
  ASSERT_TRUE(text.ok()) << text.status().message();
  EXPECT_EQ(*text, "الأخبار\r\nليبيا\r");
}

TEST(DecodeText, RejectsEmptyBlankAndBinaryInputWithTheirOwnMessages) {
  struct Case {
    std::string bytes;
    const char* says;
  };
  const Case cases[] = {
      {"", "empty"},
      {" \n\t\r\n", "only whitespace"},
      {"\xEF\xBB\xBF\n", "only whitespace"},
      {std::string("\x89PNG\r\n\x1a\n\0\0", 10), "binary data (NUL byte at byte 8)"},
  };
  for (const Case& c : cases) {
    auto text = DecodeText(c.bytes, Encoding::kUtf8, "in.txt");
    ASSERT_FALSE(text.ok()) << c.says;
    EXPECT_EQ(text.status().code(), StatusCode::kInvalidInput);
    EXPECT_NE(text.status().message().find(c.says), std::string::npos) << text.status().message();
    EXPECT_EQ(text.status().message().rfind("in.txt", 0), 0u) << text.status().message();
  }
}

TEST(DecodeText, ConvertsLegacyArabicCodePages) {
  // "الرئيس" in windows-1256 and in ISO-8859-6.
  auto cp1256 = DecodeText("\xC7\xE1\xD1\xC6\xED\xD3", Encoding::kWindows1256, "t");
  ASSERT_TRUE(cp1256.ok()) << cp1256.status().message();
  EXPECT_EQ(*cp1256, "الرئيس");
  auto iso = DecodeText("\xC7\xE4\xD1\xC6\xEA\xD3", Encoding::kIso8859_6, "t");
  ASSERT_TRUE(iso.ok()) << iso.status().message();
  EXPECT_EQ(*iso, "الرئيس");
}

TEST(DecodeText, RejectsBytesWithoutACharacterInIso8859_6) {
  auto text = DecodeText("\xC7\xA1", Encoding::kIso8859_6, "old.txt");  // 0xA1 is unassigned
  ASSERT_FALSE(text.ok());
  EXPECT_NE(text.status().message().find("ISO-8859-6"), std::string::npos) << text.status().message();
}

TEST(ReadTextFile, ReadsTheSameTextFromEveryEncoding) {
  auto utf8 = ReadTextFile(kData + "legacy.utf8.txt");
  auto cp1256 = ReadTextFile(kData + "legacy.cp1256.txt", Encoding::kWindows1256);
  auto iso = ReadTextFile(kData + "legacy.iso8859-6.txt", Encoding::kIso8859_6);
  ASSERT_TRUE(utf8.ok() && cp1256.ok() && iso.ok());
  EXPECT_EQ(*cp1256, *utf8);
  EXPECT_EQ(*iso, *utf8);
}

TEST(ReadTextFile, NamesFileLineAndByteOfInvalidUtf8) {
  auto text = ReadTextFile(kData + "invalid_utf8.txt");
  ASSERT_FALSE(text.ok());
  const std::string m = text.status().message();
  EXPECT_NE(m.find("invalid_utf8.txt:3:"), std::string::npos) << m;
  EXPECT_NE(m.find("byte 48"), std::string::npos) << m;
  EXPECT_NE(m.find("--encoding windows-1256"), std::string::npos) << m;  // tells the user what to do
}

TEST(ReadTextFile, ReportsMissingFilesAndDirectories) {
  auto missing = ReadTextFile(kData + "no-such-file.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  auto dir = ReadTextFile(kData);
  ASSERT_FALSE(dir.ok());
  EXPECT_NE(dir.status().message().find("directory"), std::string::npos);
}

}  // namespace
}  // namespace nazir::text
