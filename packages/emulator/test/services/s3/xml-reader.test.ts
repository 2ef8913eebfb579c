import { describe, expect, it } from "vitest";
import { childElements, childText, parseXml } from "../../../src/services/s3/xml-reader.js";

describe("parseXml", () => {
  it("reads elements, drops namespaces and attributes, keeps text as sent", () => {
    const root = parseXml(
      '<?xml version="1.0" encoding="UTF-8"?>\n<Delete xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><!-- two --><Object><Key> a &amp; b </Key></Object><s3:Object a=\'1\'><Key><![CDATA[<raw>]]></Key></s3:Object><Quiet/></Delete>',
    );
    expect(root.name).toBe("Delete");
    expect(childElements(root, "Object").map((object) => childText(object, "Key"))).toEqual([
      " a & b ",
      "<raw>",
    ]);
    expect(childText(root, "Quiet")).toBe("");
  });

  it("decodes character references", () => {
    expect(parseXml("<K>&#x1F600;&#233;&lt;&gt;&quot;&apos;</K>").text).toBe("😀é<>\"'");
  });

  it.each([
    ["an unclosed element", "<a><b></a>"],
    ["two roots", "<a/><b/>"],
    ["text outside the root", "<a/>text"],
    ["a document type declaration", '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'],
    ["an unknown entity", "<a>&nbsp;</a>"],
    ["a bare ampersand", "<a>a & b</a>"],
    ["no element at all", "   "],
    ["an unterminated comment", "<a><!-- </a>"],
  ])("refuses %s with S3's MalformedXML", (_, text) => {
    expect(() => parseXml(text)).toThrow(expect.objectContaining({ code: "MalformedXML" }));
  });
});
