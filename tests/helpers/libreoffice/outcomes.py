"""What LibreOffice makes of a document: its tracked changes and its text after Accept All and after Reject All. Run with Debian's python3 (python3-uno):
    /usr/bin/python3 outcomes.py FILE  ->  one JSON object on stdout
Each call starts its own soffice with its own profile, so calls may run side by side."""
import sys, uno, subprocess, time, os, json, tempfile, shutil, zipfile
from xml.dom import minidom
from com.sun.star.beans import PropertyValue
def prop(n,v):
    p=PropertyValue(); p.Name=n; p.Value=v; return p
profile=tempfile.mkdtemp(prefix="lo-profile-")

# LibreOffice 7.4 loses its UNO bridge loading any document with a comment (even its own
# files; `soffice --convert-to` is not affected). Tracked changes do not depend on comments,
# so this reads a copy without them; the caller reads comments through a conversion.
COMMENT_ELEMENTS = {"w:commentRangeStart", "w:commentRangeEnd", "w:commentReference",
                    "office:annotation", "office:annotation-end"}
def without_comments(xml):
    dom = minidom.parseString(xml)
    doomed = [e for name in COMMENT_ELEMENTS for e in dom.getElementsByTagName(name)]
    for element in doomed:
        element.parentNode.removeChild(element)
    return dom.toxml(encoding="UTF-8")
def stripped_copy(source):
    target = os.path.join(profile, "input" + os.path.splitext(source)[1])
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename in ("word/document.xml", "content.xml"):
                data = without_comments(data)
            zout.writestr(item, data)
    return target
path=stripped_copy(os.path.abspath(sys.argv[1]))
pipe="accord%d"%os.getpid()
proc=subprocess.Popen(["soffice","--headless","--invisible","--norestore","--nologo","-env:UserInstallation="+uno.systemPathToFileUrl(profile),"--accept=pipe,name=%s;urp;"%pipe],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL)
local=uno.getComponentContext()
resolver=local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver",local)
ctx=None
for i in range(300):
    try:
        ctx=resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext"%pipe); break
    except Exception: time.sleep(0.1)
smgr=ctx.ServiceManager
desktop=smgr.createInstanceWithContext("com.sun.star.frame.Desktop",ctx)
out={}
def load():
    return desktop.loadComponentFromURL(uno.systemPathToFileUrl(path),"_blank",0,(prop("Hidden",True),))
doc=load()
red=[]
e=doc.getRedlines().createEnumeration()
while e.hasMoreElements():
    r=e.nextElement()
    d=r.getPropertyValue("RedlineDateTime")
    red.append({"type":r.getPropertyValue("RedlineType"),"author":r.getPropertyValue("RedlineAuthor"),"date":"%04d-%02d-%02dT%02d:%02d:%02d"%(d.Year,d.Month,d.Day,d.Hours,d.Minutes,d.Seconds)})
out["redlines"]=red
out["text"]=doc.getText().getString()
doc.close(True)
for mode in ["accepted","rejected"]:
    doc=load()
    disp=smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper",ctx)
    disp.executeDispatch(doc.getCurrentController().getFrame(), ".uno:AcceptAllTrackedChanges" if mode=="accepted" else ".uno:RejectAllTrackedChanges","",0,())
    target=os.path.join(profile, mode+".txt")
    doc.storeToURL(uno.systemPathToFileUrl(target),(prop("FilterName","Text (encoded)"),prop("FilterOptions","UTF8")))
    with open(target, encoding="utf-8-sig") as fh: out[mode]=fh.read()
    doc.close(True)
desktop.terminate(); proc.wait(); shutil.rmtree(profile, ignore_errors=True)
print(json.dumps(out, ensure_ascii=False))
