"""Scores every take of a generated sample project alone, as a pipeline does (`onmodel score` per variant folder,
with the shot's cast from project.json), and counts clean and defect character-frames outside the ok band against
the sample's ground truth.

Usage: python3 score-takes-alone.py SAMPLE_DIR "CLASSPATH"
  e.g. python3 docs/bench/score-takes-alone.py /tmp/sE "app/target/onmodel-app.jar:app/target/lib/*"
"""
import json,subprocess,sys,csv,io,os,re
root=sys.argv[1]; cp=sys.argv[2]
proj=json.load(open(root+'/project.json')); gt=json.load(open(root+'/ground-truth.json'))['defects']
tot=dict(clean=0,clean_out=0,clean_off=0,defect=0,defect_out=0)
for shot in proj['shots']:
    sd=f"{root}/shots/{shot['name']}"
    for var in sorted(os.listdir(sd)):
        args=['java','-cp',cp,'dev.onmodel.app.Main','score']
        for c in shot['cast']: args+=['--sheet',f'{root}/characters/{c}']
        args.append(f'{sd}/{var}')
        out=subprocess.run(args,capture_output=True,text=True).stdout
        rows=list(csv.DictReader(io.StringIO(out)))
        co=cf=dout=dn=cn=0
        for r in rows:
            fr=int(re.search(r'\.(\d+)\.png$',r['path']).group(1))
            bad=any(d['shot']==shot['name'] and d['variant']==var and d['character']==r['character'] and d['first']<=fr<=d['last'] for d in gt)
            if bad:
                dn+=1; dout+= r['band']!='ok'
            else:
                cn+=1; co+= r['band']!='ok'; cf+= r['band']=='off-model'
        print(f"{shot['name']}/{var}: clean {cn} (not ok {co}, off-model {cf}); defect {dn} (not ok {dout})")
        tot['clean']+=cn; tot['clean_out']+=co; tot['clean_off']+=cf; tot['defect']+=dn; tot['defect_out']+=dout
print(tot)
