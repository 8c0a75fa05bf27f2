import type { Locale } from '../../platform/i18n/locales.ts';
import { toCii } from './cii.ts';
import type { InvoiceDocument } from './invoiceDocument.ts';
import { invoicePdf } from './invoicePdf.ts';

const fx = 'urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#';

const property = (name: string, description: string) => `
            <rdf:li rdf:parseType="Resource">
              <pdfaProperty:name>${name}</pdfaProperty:name>
              <pdfaProperty:valueType>Text</pdfaProperty:valueType>
              <pdfaProperty:category>external</pdfaProperty:category>
              <pdfaProperty:description>${description}</pdfaProperty:description>
            </rdf:li>`;

/** The XMP Factur-X 1.0 asks for: what is embedded and at which profile, and its schema. */
const facturXmp = `
        <rdf:Description rdf:about="" xmlns:fx="${fx}">
          <fx:DocumentType>INVOICE</fx:DocumentType>
          <fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>
          <fx:Version>1.0</fx:Version>
          <fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>
        </rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
          <pdfaExtension:schemas>
            <rdf:Bag>
              <rdf:li rdf:parseType="Resource">
                <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
                <pdfaSchema:namespaceURI>${fx}</pdfaSchema:namespaceURI>
                <pdfaSchema:prefix>fx</pdfaSchema:prefix>
                <pdfaSchema:property>
                  <rdf:Seq>${property('DocumentFileName', 'The name of the embedded XML document')}${property('DocumentType', 'The type of the hybrid document in capital letters, e.g. INVOICE or ORDER')}${property('Version', 'The actual version of the standard applying to the embedded XML document')}${property('ConformanceLevel', 'The conformance level of the embedded XML document')}
                  </rdf:Seq>
                </pdfaSchema:property>
              </rdf:li>
            </rdf:Bag>
          </pdfaExtension:schemas>
        </rdf:Description>`;

/** Factur-X / ZUGFeRD: the invoice's PDF (PDF/A-3) with its CII XML embedded as factur-x.xml. */
export function toFacturX(doc: InvoiceDocument, locale: Locale = 'en'): Promise<Buffer> {
  return invoicePdf(doc, locale, {
    name: 'factur-x.xml',
    content: Buffer.from(toCii(doc), 'utf8'),
    description: `Factur-X (EN 16931) ${doc.kind === 'invoice' ? 'invoice' : 'credit note'} ${doc.number}`,
    xmp: facturXmp,
  });
}
