// XML written through libxml2's xmlTextWriter (never by string concatenation):
// a thin RAII wrapper that checks every call and makes any text safe for XML
// 1.0 (invalid UTF-8 and control characters other than tab, LF and CR become
// U+FFFD). For the files that leave Samen as XML: the journal's REFI-QDA
// project, the monitoring's GraphML.
#pragma once
#include <string>
#include <string_view>

#include <libxml/xmlwriter.h>

namespace samen::documents {

// Text XML 1.0 accepts: valid UTF-8 without control characters other than tab, LF, CR.
std::string xml_text(std::string_view s);

class XmlWriter {
 public:
  // Starts a UTF-8 document (standalone="yes"); `indent`: one element a line.
  explicit XmlWriter(bool indent = true);
  ~XmlWriter();
  XmlWriter(const XmlWriter&) = delete;
  XmlWriter& operator=(const XmlWriter&) = delete;

  void start(const char* name);
  void attribute(const char* name, std::string_view value);
  void text_element(const char* name, std::string_view value);
  void text(std::string_view value);
  void end();
  // Ends the document and returns its bytes; the writer is done after this.
  std::string finish();

 private:
  xmlBufferPtr buffer_;
  xmlTextWriterPtr writer_;
};

}  // namespace samen::documents
