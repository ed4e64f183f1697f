package org.tsumugi.server.processes;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Finds the form linked to a process's none start event ({@code zeebe:formDefinition formId}). */
final class StartForms {
  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";

  private StartForms() {}

  static Optional<String> formId(String xml, String processId) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      NodeList processes = factory.newDocumentBuilder()
          .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
          .getElementsByTagNameNS(BPMN, "process");
      for (int i = 0; i < processes.getLength(); i++) {
        Element process = (Element) processes.item(i);
        if (processId.equals(process.getAttribute("id"))) {
          return noneStartForm(process);
        }
      }
      return Optional.empty();
    } catch (Exception unreadable) {
      return Optional.empty();
    }
  }

  private static Optional<String> noneStartForm(Element process) {
    for (Node child = process.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element start && BPMN.equals(start.getNamespaceURI())
          && "startEvent".equals(start.getLocalName()) && !hasEventDefinition(start)) {
        NodeList forms = start.getElementsByTagNameNS(ZEEBE, "formDefinition");
        if (forms.getLength() > 0) {
          String formId = ((Element) forms.item(0)).getAttribute("formId");
          return formId.isBlank() ? Optional.empty() : Optional.of(formId);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean hasEventDefinition(Element start) {
    for (Node child = start.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e && e.getLocalName().endsWith("EventDefinition")) {
        return true;
      }
    }
    return false;
  }
}
