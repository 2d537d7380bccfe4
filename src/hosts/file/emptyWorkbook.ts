import { OWNER_MARKER_NAME } from '../host';
import { CONTENT_TYPE, CONTENT_TYPES_PATH } from './contentTypes';
import { REL, serializeRelationships } from './relationships';
import { DEFAULT_STYLES_XML } from './styles';
import { encodeUtf8, NS, XML_DECLARATION } from './xml';
import { ZipPackage } from './zipPackage';

/**
 * A fresh workbook package. A workbook must hold a sheet, so it has one blank `Sheet1` carrying the
 * owner marker: the first write replaces it like any other sheet of the add-in's.
 */
export function emptyWorkbookPackage(): ZipPackage {
  const types =
    `${XML_DECLARATION}<Types xmlns="${NS.contentTypes}">` +
    `<Default Extension="rels" ContentType="${CONTENT_TYPE.relationships}"/><Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="${CONTENT_TYPE.workbook}"/>` +
    `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CONTENT_TYPE.worksheet}"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="${CONTENT_TYPE.styles}"/></Types>`;
  const workbook =
    `${XML_DECLARATION}<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}"><bookViews><workbookView/></bookViews>` +
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>' +
    `<definedNames><definedName name="${OWNER_MARKER_NAME}" localSheetId="0" hidden="1">TRUE</definedName></definedNames>` +
    '<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>';
  const sheet = `${XML_DECLARATION}<worksheet xmlns="${NS.main}"><sheetData/></worksheet>`;
  return ZipPackage.fromEntries([
    [CONTENT_TYPES_PATH, encodeUtf8(types)],
    ['_rels/.rels', serializeRelationships([{ id: 'rId1', type: REL.officeDocument, target: 'xl/workbook.xml', external: false }])],
    ['xl/workbook.xml', encodeUtf8(workbook)],
    [
      'xl/_rels/workbook.xml.rels',
      serializeRelationships([
        { id: 'rId1', type: REL.worksheet, target: 'worksheets/sheet1.xml', external: false },
        { id: 'rId2', type: REL.styles, target: 'styles.xml', external: false },
      ]),
    ],
    ['xl/worksheets/sheet1.xml', encodeUtf8(sheet)],
    ['xl/styles.xml', encodeUtf8(DEFAULT_STYLES_XML)],
  ]);
}
