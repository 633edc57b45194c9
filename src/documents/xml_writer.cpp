// XML through xmlTextWriter (see xml_writer.hpp).
#include "documents/xml_writer.hpp"

#include <stdexcept>

#include "util/text.hpp"

namespace samen::documents {

namespace {

const xmlChar* bytes(const char* s) { return reinterpret_cast<const xmlChar*>(s); }

void check(int rc) {
  if (rc < 0) throw std::runtime_error("xml: the XML writer failed");
}

}  // namespace

std::string xml_text(std::string_view s) {
  std::string valid = text::replace_invalid_utf8(s);
  std::string out;
  out.reserve(valid.size());
  for (unsigned char c : valid) {
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') out += "\xEF\xBF\xBD";
    else out += static_cast<char>(c);
  }
  return out;
}

XmlWriter::XmlWriter(bool indent)
    : buffer_(xmlBufferCreate()), writer_(buffer_ ? xmlNewTextWriterMemory(buffer_, 0) : nullptr) {
  if (!writer_) {
    if (buffer_) xmlBufferFree(buffer_);
    throw std::runtime_error("xml: cannot create the XML writer");
  }
  if (indent) xmlTextWriterSetIndent(writer_, 1);
  check(xmlTextWriterStartDocument(writer_, nullptr, "UTF-8", "yes"));
}

XmlWriter::~XmlWriter() {
  if (writer_) xmlFreeTextWriter(writer_);
  if (buffer_) xmlBufferFree(buffer_);
}

void XmlWriter::start(const char* name) { check(xmlTextWriterStartElement(writer_, bytes(name))); }

void XmlWriter::attribute(const char* name, std::string_view value) {
  check(xmlTextWriterWriteAttribute(writer_, bytes(name), bytes(xml_text(value).c_str())));
}

void XmlWriter::text_element(const char* name, std::string_view value) {
  check(xmlTextWriterWriteElement(writer_, bytes(name), bytes(xml_text(value).c_str())));
}

void XmlWriter::text(std::string_view value) { check(xmlTextWriterWriteString(writer_, bytes(xml_text(value).c_str()))); }

void XmlWriter::end() { check(xmlTextWriterEndElement(writer_)); }

std::string XmlWriter::finish() {
  check(xmlTextWriterEndDocument(writer_));
  xmlFreeTextWriter(writer_);  // flushes into the buffer
  writer_ = nullptr;
  return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer_)), xmlBufferLength(buffer_));
}

}  // namespace samen::documents
